// The names of a pipeline's classes: when the model it applies trains on
// the `shapes` data source (its train block in the file), the class ids
// are the shapes' kinds (square, circle, triangle), with `background`
// first when the scores the classes come from have a column for it.
// Otherwise there are no names, and the ids are shown.

import type { Program, TrainDecl } from '../../grammar/ast.js';
import { SHAPE_KINDS } from '../data/shapes.js';
import type { PipelineGraph } from './pipeline-graph.js';

/** The class names of the pipeline's classes output, or undefined when they are not known. */
export function pipelineClassNames(program: Program, graph: PipelineGraph): string[] | undefined {
  const trains = program.items.filter((i): i is TrainDecl => i.kind === 'Train');
  const onShapes = graph.models.some(({ model }) => trains.some((t) => t.target.name === model && dataSourceName(t) === 'shapes'));
  if (!onShapes) return undefined;
  const count = classCount(graph);
  if (count === SHAPE_KINDS.length) return [...SHAPE_KINDS];
  if (count === SHAPE_KINDS.length + 1) return ['background', ...SHAPE_KINDS];
  return undefined;
}

function dataSourceName(train: TrainDecl): string | undefined {
  const data = train.data;
  const callee = data.kind === 'Call' ? data.callee : data;
  return callee.kind === 'Identifier' ? callee.name : undefined;
}

/** How many classes the scores that `nms` chose the classes from have (1 for one score per box). */
function classCount(graph: PipelineGraph): number | undefined {
  for (const node of graph.nodes) {
    if (node.op !== 'function' || node.spec.name !== 'nms') continue;
    const arg = node.args['scores'];
    const scores = arg?.kind === 'tensor' ? node.inputs[arg.index] : undefined;
    const type = scores && graph.nodes[scores.node]!.outputs[scores.output];
    if (!type) continue;
    const last = type.shape.length === 2 ? type.shape[1] : 1;
    return typeof last === 'number' ? last : undefined;
  }
  return undefined;
}
