import type { EgoOutput } from '../../../../shared/analysis';
import { accountName } from '../../ui/account-link';

const xml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The shown ego network as GEXF 1.3 (directed: actor -> target). An edge's weight is its interaction count over all
 * kinds, and the per-kind counts travel as edge attributes so Gephi can filter by kind.
 */
export function egoToGexf(ego: EgoOutput, dataset: string): string {
  const kinds = [...new Set(ego.edges.flatMap((e) => Object.keys(e.kinds)))].sort();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta lastmodifieddate="${new Date().toISOString().slice(0, 10)}"><creator>Influence Lens</creator><description>${xml(`ego network of ${accountName(ego.center)} in ${dataset}`)}</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node"><attribute id="distance" title="distance" type="integer"/></attributes>',
    `    <attributes class="edge">${kinds.map((k) => `<attribute id="${xml(k)}" title="${xml(k)}" type="integer"/>`).join('')}</attributes>`,
    '    <nodes>',
    ...ego.nodes.map(
      (n) => `      <node id="${xml(n.accountId)}" label="${xml(accountName(n))}"><attvalues><attvalue for="distance" value="${n.distance}"/></attvalues></node>`,
    ),
    '    </nodes>',
    '    <edges>',
    ...ego.edges.map((e, i) => {
      const counts = Object.entries(e.kinds);
      const weight = counts.reduce((sum, [, n]) => sum + (n ?? 0), 0);
      const values = counts.map(([k, n]) => `<attvalue for="${xml(k)}" value="${n ?? 0}"/>`).join('');
      return `      <edge id="${i}" source="${xml(e.source)}" target="${xml(e.target)}" weight="${weight}"><attvalues>${values}</attvalues></edge>`;
    }),
    '    </edges>',
    '  </graph>',
    '</gexf>',
  ];
  return lines.join('\n') + '\n';
}
