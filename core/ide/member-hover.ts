// Hover on the name after `.` (`embed.embeddings`): the weight's shape, the
// layer that owns it and how many weights it holds.

import type { MemberExpr } from '../../grammar/ast.js';
import { msg } from '../i18n/message.js';
import { product } from '../shapes/shape.js';
import type { Analysis } from './analysis.js';
import { formatArgs, formatCount, formatValue } from './hover-format.js';

export function describeMember(a: Analysis, member: MemberExpr): string | undefined {
  const value = a.recording.values.get(member);
  if (value?.kind !== 'tensor' || !value.weightOf) return undefined;
  const { layer, weight } = value.weightOf;
  const owner = layer.binding ?? layer.spec.name;
  const text = a.text.slice(member.range.start, member.range.end);
  return [
    ['```nn', `${text}: ${formatValue(value)}`, '```'].join('\n'),
    msg`The weight \`${weight}\` of \`${owner}\`, a \`${layer.spec.name}(${formatArgs(layer.args)})\`: ${formatCount(product(value.shape))} weights. Read by name, it is the same variable wherever it is used (tied weights), counted once, with the layer.`,
  ].join('\n\n');
}
