import path from 'node:path';

/**
 * Layer order as a lint rule (VS Code's `code-layering` is the model): the source tree is cut into units, each unit
 * lists the units it may import, and an import of any other unit is an error. A unit is a list of paths relative to
 * the project root (folders or single files); a path ending in `/*` makes each of its sub-folders a unit of its own,
 * so those sub-folders (the renderer's features) never import each other. Only relative specifiers are checked:
 * packages are the business of `no-restricted-imports`. Type-only imports count too, as a type import is the
 * same dependency of one folder on another that a cycle is made of.
 */

/**
 * Allow-lists from a layer order: `levels` lists unit names lowest first, siblings grouped in one array; a unit may
 * import every unit of a strictly lower level and no sibling.
 */
export function allowFromLevels(levels) {
  const allow = {};
  levels.forEach((level, index) => {
    const lower = levels.slice(0, index).flat();
    for (const name of level) allow[name] = lower;
  });
  return allow;
}

const toPosix = (file) => file.split(path.sep).join('/');

/** Specifiers name modules without their extension ('./app-root'), so files and unit paths compare without it. */
const withoutExtension = (file) => file.replace(/\.[cm]?[jt]sx?$/, '');

function isInside(file, unitPath) {
  const bare = withoutExtension(unitPath);
  return file === bare || file.startsWith(`${bare}/`);
}

/** The unit a project-relative path belongs to (the longest matching path wins), or null when it is in none. */
export function unitOf(file, units) {
  let best = null;
  for (const unit of units) {
    for (const unitPath of unit.paths) {
      const perChild = unitPath.endsWith('/*');
      const base = perChild ? unitPath.slice(0, -2) : unitPath;
      const length = base.length + (perChild ? 1 : 0);
      if (!isInside(file, base) || (best && best.length >= length)) continue;
      if (!perChild) {
        best = { name: unit.name, family: unit.name, length };
        continue;
      }
      const rest = file.slice(base.length + 1).split('/');
      // A file directly in the wildcard folder (features/index.ts) belongs to no one child.
      if (rest.length < 2) continue;
      best = { name: `${unit.name}/${rest[0]}`, family: unit.name, length };
    }
  }
  return best && { name: best.name, family: best.family };
}

/** Why `from` may not import `to`, or null when it may. */
export function violation(from, to, units) {
  if (to.name === from.name) return null;
  const unit = units.find((u) => u.name === from.family);
  if (unit && unit.allow.includes(to.family) && to.family !== from.family) return null;
  if (to.family === from.family) return `'${from.name}' imports its sibling '${to.name}'`;
  return `'${from.name}' may import only ${[from.name, ...(unit?.allow ?? [])].map((name) => `'${name}'`).join(', ')}, not '${to.name}'`;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Folders import only from themselves and from the layers below them' },
    schema: [
      {
        type: 'object',
        properties: {
          units: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                paths: { type: 'array', items: { type: 'string' } },
                allow: { type: 'array', items: { type: 'string' } },
              },
              required: ['name', 'paths', 'allow'],
              additionalProperties: false,
            },
          },
        },
        required: ['units'],
        additionalProperties: false,
      },
    ],
    messages: {
      upward: '{{reason}} (layer order in eslint.config.js)',
      unlayered: "'{{target}}' is in no layer: add it to a unit in eslint.config.js",
    },
  },
  create(context) {
    const { units } = context.options[0];
    const root = context.cwd;
    const file = withoutExtension(toPosix(path.relative(root, context.filename)));
    const from = unitOf(file, units);
    if (!from) {
      // A new folder under src/ must be given a place in the order, or it could import anything unnoticed.
      if (!file.startsWith('src/')) return {};
      return { Program: (node) => context.report({ node, messageId: 'unlayered', data: { target: file } }) };
    }
    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = withoutExtension(toPosix(path.relative(root, path.resolve(path.dirname(context.filename), specifier))));
      const to = unitOf(target, units);
      if (!to) {
        // Outside the layered source tree (package.json, resources) is not layered; inside it, every file must be.
        if (target.startsWith('src/')) context.report({ node, messageId: 'unlayered', data: { target } });
        return;
      }
      const reason = violation(from, to, units);
      if (reason) context.report({ node, messageId: 'upward', data: { reason } });
    };
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { imports: rule } };
