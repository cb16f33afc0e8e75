import type { CascadesOutput, EgoOutput } from '../../shared/analysis';
import { accountName, shortNumber } from './format';

export function formatCascades(cascades: CascadesOutput): string {
  if (cascades.length === 0) return 'no cascades: the dataset has no propagation trees and no posts whose parent it holds';
  const lines = [
    `${'root post'.padEnd(20)} ${'source'.padEnd(13)} ${'parents'.padEnd(22)} ${'size'.padStart(6)} ${'depth'.padStart(5)} ${'breadth'.padStart(7)} ${'virality'.padStart(8)} ${'half (min)'.padStart(10)}  label  top spreader`,
  ];
  for (const c of cascades) {
    const top = c.top_spreaders[0];
    lines.push(
      `${c.root_post_id.padEnd(20)} ${c.source.padEnd(13)} ${c.parents.padEnd(22)} ${String(c.size).padStart(6)} ${String(c.depth).padStart(5)} ` +
        `${String(c.max_breadth).padStart(7)} ${shortNumber(c.structural_virality).padStart(8)} ${shortNumber(c.half_size_minutes).padStart(10)}  ` +
        `${(c.label ?? '-').padEnd(5)}  ${top ? `${accountName(top)} (${top.descendants})` : '-'}`,
    );
  }
  if (cascades.some((c) => c.structural_virality_note)) {
    lines.push('', `virality of star trees ${cascades.find((c) => c.structural_virality_note)!.structural_virality_note}`);
  }
  return lines.join('\n');
}

export function formatEgo(ego: EgoOutput): string {
  const byDistance = (distance: number) => ego.nodes.filter((node) => node.distance === distance).map(accountName);
  const lines = [`${accountName(ego.center)}: ${ego.nodes.length - 1} accounts, ${ego.edges.length} edges among them`];
  if (ego.notice) lines.push(ego.notice);
  for (const distance of [1, 2]) {
    const accounts = byDistance(distance);
    if (accounts.length > 0) lines.push(`distance ${distance}: ${accounts.slice(0, 30).join(' ')}${accounts.length > 30 ? ` ... (${accounts.length})` : ''}`);
  }
  return lines.join('\n');
}
