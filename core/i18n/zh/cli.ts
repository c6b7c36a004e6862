// Chinese for the messages and docs of one part of the code (see ../message.ts).
// Keys are the English texts, with {0}, {1}, ... where a template has values.
// This part: the command line, cli/*.ts. Option names, usage lines, codes and
// the `nn: ` / `path:line:col: error[NNxxxx]:` prefixes stay as they are.

export const CLI: Readonly<Record<string, string>> = {
  // args.ts
  '{0} takes no value': '{0} 不带值',
  '{0} needs a value': '{0} 需要一个值',
  '{0} is given twice': '{0} 给了两次',
  'unknown option {0}': '未知选项 {0}',

  // check-command.ts
  'Checks .nn files: every syntax, name and shape error, and every train block\nagainst its data, as path:line:col: error[NNxxxx]: message (with a help: line\nwhere a fix is known). Exit status 1 when there are errors.':
    '检查 .nn 文件：找出每个语法、名称和形状错误，并对照数据检查每个 train 块，\n以 path:line:col: error[NNxxxx]: 消息 的格式输出（已知修正方法时另有一行 help:）。\n有错误时退出状态为 1。',
  "one JSON object: each file's diagnostics with codes, ranges and fixes": '输出一个 JSON 对象：每个文件的诊断信息，含代码、范围和修正',
  'no file given': '没有给出文件',
  'cannot read {0}: {1}': '无法读取 {0}：{1}',
  '{0} error': '{0} 个错误',
  '{0} errors': '{0} 个错误',

  // doctor-command.ts
  'Says which TensorFlow backend training uses (native or pure JavaScript, CPU or\nGPU), where it was loaded from, and why; exit status 1 when training cannot run.\nThen the torch engine (nn train --engine torch): the Python it runs (NN_PYTHON,\nelse python3), its PyTorch and CUDA build, and the GPUs PyTorch sees.':
    '说明训练使用哪个 TensorFlow 后端（原生还是纯 JavaScript，CPU 还是 GPU）、\n从哪里加载、为什么；无法训练时退出状态为 1。\n然后是 torch 引擎（nn train --engine torch）：它运行的 Python（NN_PYTHON，\n否则 python3）、其中的 PyTorch 及其 CUDA 构建，以及 PyTorch 能看到的 GPU。',
  'check for this device (default auto)': '按这个设备检查（默认 auto）',
  'the report as JSON': '以 JSON 输出报告',
  "leave the torch engine's Python out (importing torch takes seconds)": '不检查 torch 引擎的 Python（导入 torch 要花几秒）',
  "unexpected argument '{0}'": "多余的参数 '{0}'",
  "--device takes cpu, gpu or auto, not '{0}'": "--device 只能取 cpu、gpu 或 auto，不能是 '{0}'",
  'not asked for (--device cpu)': '未要求使用（--device cpu）',
  backend: '后端',
  'tensorflow (native), on the {0}': 'tensorflow（原生），运行在 {0} 上',
  'cpu (pure JavaScript: about 100x slower)': 'cpu（纯 JavaScript：慢约 100 倍）',
  'not loaded': '未加载',
  '{0} at {1}': '{0}（位于 {1}）',
  'not in use': '未使用',
  'yes: {0}': '是：{0}',
  'no: {0}': '否：{0}',
  ' (an NVIDIA driver is present)': '（已有 NVIDIA 驱动）',
  installed: '安装',
  '{0}, {1}': '{0}，{1}',
  "no record from nn's installer": '没有 nn 安装程序的记录',
  'why:': '原因：',
  'ok: training runs on the native TensorFlow backend': '正常：训练在原生 TensorFlow 后端上运行',
  'not ok: run `npm run native` in the nn folder, then `nn doctor` again': '不正常：请在 nn 文件夹中运行 `npm run native`，然后再运行 `nn doctor`',
  'built from the {0}': '由 {0} 构建',
  "tfjs-node's own download": 'tfjs-node 自己下载的',
  'found in place': '原本就在',
  '{0}, copied from the cache': '{0}，从缓存复制',

  // doctor-rows.ts
  'no driver loaded': '未加载驱动',
  'driver {0}': '驱动 {0}',
  'GPU build': 'GPU 构建',
  'no (built for the CPU)': '否（为 CPU 构建）',
  '; not on {0}, run: {1}': '；不在 {0} 中，请运行：{1}',
  "nn's Python environment": 'nn 的 Python 环境',
  '{0} on the PATH': 'PATH 中的 {0}',
  '{0} at {1} ({2})': '{0}，位于 {1}（{2}）',
  'none ({0})': '无（{0}）',
  'not installed': '未安装',
  'CPU-only build': '仅 CPU 的构建',
  'built for CUDA {0}': '为 CUDA {0} 构建',
  'unknown (no PyTorch)': '未知（没有 PyTorch）',
  'no GPU that PyTorch sees': 'PyTorch 看不到 GPU',
  'torch engine': 'torch 引擎',
  'ready: {0}': '就绪：{0}',

  // explain-output.ts
  'one training step of {0}: the first batch of a run with seed {1}': '{0} 的一个训练步：随机种子为 {1} 的一次训练的第一个批',
  'data: {0}; a batch of {1} example': '数据：{0}；每批 {1} 个样本',
  'data: {0}; a batch of {1} examples': '数据：{0}；每批 {1} 个样本',
  'loss: {0} {1} before the step; update: {2} at learning rate {3}': '损失：这一步之前 {0} 为 {1}；更新：{2}，学习率 {3}',
  'gradient norm of the first layer with weights ({0}) / the last ({1}): {2}': '第一个有权重的层（{0}）与最后一个（{1}）的梯度范数之比：{2}',
  "picture: {0} (each layer's gradient norm against its depth)": '图：{0}（每一层的梯度范数随深度的变化）',
  'nothing else saved: an explained step is not a run (no checkpoint)': '没有保存其他内容：讲解的一步不是一次训练（没有检查点）',
  kind: '种类',
  mean: '均值',
  std: '标准差',
  zeros: '零值',
  'every number (the model is tiny enough to follow by hand): the weights as the model holds them': '每一个数（模型很小，可以用手算跟着走）：权重是模型中保存的值',
  '(float32, exact to 9 significant digits), every value computed from them to 6 significant digits': '（float32，9 位有效数字是精确的），由它们算出的每个值保留 6 位有效数字',
  '1. forward pass': '1. 前向传播',
  'input {0}': '输入 {0}',
  '{0} output': '{0} 输出',
  '2. loss: {0}(output, target {1}) = {2}': '2. 损失：{0}(输出, 目标 {1}) = {2}',
  '3. backpropagation: d(loss)/d(w), from the output back': '3. 反向传播：d(loss)/d(w)，从输出往回算',
  '4. gradient descent: the weights after the update ({0}, learning rate {1})': '4. 梯度下降：参数更新后的权重（{0}，学习率 {1}）',

  // export-command.ts
  "Writes a model with its trained weights (the newest checkpoint of its runs, or\n--checkpoints DIR) for TensorFlow.js: model.json, weights.bin and nn-layers.mjs;\nor for PyTorch: model.py (an nn.Module), weights.safetensors and README.md,\nand for a model with a train block train.py with the block's data (data/*.npy);\na GAN's train block (--model GAN) gives generator.py, discriminator.py and\nthe adversarial train.py, from the models' initial weights.":
    '把模型连同训练好的权重（它的训练中最新的检查点，或 --checkpoints DIR）导出：\n给 TensorFlow.js 的是 model.json、weights.bin 和 nn-layers.mjs；\n给 PyTorch 的是 model.py（一个 nn.Module）、weights.safetensors 和 README.md，\n有 train 块的模型还有 train.py 和该块的数据（data/*.npy）；\nGAN 的 train 块（--model GAN）导出 generator.py、discriminator.py\n和对抗训练的 train.py，使用两个模型的初始权重。',
  'the train block or model to export': '要导出的 train 块或模型',
  'the folder to write (required)': '写入的文件夹（必需）',
  'tfjs (the default) or pytorch': 'tfjs（默认）或 pytorch',
  'the checkpoint folder to take the weights from': '从这个检查点文件夹取权重',
  'a value for a size left open in the model (repeatable)': '给模型中未定的尺寸一个值（可重复）',
  'give one file': '请给出一个文件',
  '--out DIR is required': '必须给出 --out DIR',
  '--to {0}: the formats are tfjs and pytorch': '--to {0}：可选的格式是 tfjs 和 pytorch',
  'exported {0} (weights from {1}):': '已导出 {0}（权重来自 {1}）：',
  'exported {0}:': '已导出 {0}：',
  "exported {0} (its models' initial weights; train.py trains them):": '已导出 {0}（两个模型的初始权重；由 train.py 训练）：',

  // failure-message.ts
  'no space left on the device': '设备上没有剩余空间',
  'the disk quota is used up': '磁盘配额已用完',
  'the file system is read-only': '文件系统是只读的',
  'permission denied': '权限不足',
  'operation not permitted': '不允许此操作',
  'it already exists, and is not a folder': '它已存在，而且不是文件夹',
  'a part of the path is a file, not a folder': '路径中有一部分是文件，不是文件夹',
  'it is a folder, not a file': '它是文件夹，不是文件',
  'no such file or folder': '没有这个文件或文件夹',
  'too many open files in this process (raise the limit with `ulimit -n`)': '这个进程打开的文件太多（用 `ulimit -n` 提高上限）',
  'too many open files on this system': '系统中打开的文件太多',
  'not enough memory': '内存不足',
  'input/output error (a failing disk or a lost network drive)': '输入/输出错误（磁盘故障或网络驱动器断开）',
  'the name is too long for this system': '名称太长，这个系统不支持',
  'a loop of symbolic links': '符号链接构成了循环',
  'the file is larger than this file system allows': '文件超过了这个文件系统允许的大小',
  'it is busy (in use by another process)': '它正忙（被另一个进程占用）',
  'cannot open {0}': '无法打开 {0}',
  'cannot write to {0}': '无法写入 {0}',
  'cannot write {0}': '无法写入 {0}',
  'cannot create the folder {0}': '无法创建文件夹 {0}',
  'cannot remove {0}': '无法删除 {0}',
  'cannot copy {0}': '无法复制 {0}',
  'cannot list {0}': '无法列出 {0}',
  'cannot use {0}': '无法使用 {0}',
  'ran out of memory: {0}; try a smaller batch or model': '内存不足：{0}；请试试更小的批大小或模型',

  // fmt-command.ts
  'Rewrites .nn files in the canonical layout. A file with syntax errors is left\nas it is. A symbolic link is followed: its target is formatted, keeping its mode.':
    '把 .nn 文件改写成标准排版。有语法错误的文件保持不变。\n符号链接会被跟随：格式化的是它指向的文件，并保留该文件的权限。',
  'change nothing; exit 1 when a file is not formatted': '不做任何修改；有文件未格式化时退出状态为 1',
  'print the formatted text instead of writing the file': '输出格式化后的文本，而不写入文件',
  '{0} has syntax errors; not formatted': '{0} 有语法错误；未格式化',
  '{0} nests too deeply to format; not formatted': '{0} 嵌套太深，无法格式化；未格式化',
  'not formatted': '未格式化',
  formatted: '已格式化',

  // main.ts
  '--lang takes zh or en': '--lang 只能取 zh 或 en',
  "--lang takes zh or en, not '{0}'": "--lang 只能取 zh 或 en，不能是 '{0}'",
  'nn: a language for neural networks': 'nn：一门描述神经网络的语言',
  'every syntax and shape error, as path:line:col: error[NNxxxx]: message': '找出每个语法和形状错误，格式为 path:line:col: error[NNxxxx]: 消息',
  "each layer's output shape, parameters and FLOPs, and the totals": '每一层的输出形状、参数量和 FLOPs，以及合计',
  'rewrite files in the canonical layout': '把文件改写成标准排版',
  'train a model on the native TensorFlow backend: a progress bar, or JSON Lines events with --json;': '在原生 TensorFlow 后端上训练模型：显示进度条，加 --json 则输出 JSON Lines 事件；',
  "--explain takes the first step only and shows each layer's activations, gradients and update": '--explain 只走第一步，展示每一层的激活值、梯度和参数更新',
  'write the model with its trained weights for TensorFlow.js (model.json, weights.bin, nn-layers.mjs)': '把模型连同训练好的权重导出给 TensorFlow.js（model.json、weights.bin、nn-layers.mjs）',
  'apply the trained model to NumPy arrays, writing its outputs as NumPy arrays;': '把训练好的模型用在 NumPy 数组上，输出也写成 NumPy 数组；',
  'or run a pipeline on a picture, writing its boxes or mask as JSON and SVG': '或在一张图片上运行流水线，把框或掩码写成 JSON 和 SVG',
  'which TensorFlow backend training uses (native or pure JavaScript, CPU or GPU), and why': '训练使用哪个 TensorFlow 后端（原生还是纯 JavaScript，CPU 还是 GPU），以及原因',
  'nn COMMAND --help (or nn help COMMAND) explains one command and its options.': 'nn COMMAND --help（或 nn help COMMAND）说明一个命令及其选项。',
  '--lang zh|en, on any command, chooses the language of its messages (default: from LC_ALL, LC_MESSAGES or LANG).': '--lang zh|en 可用于任何命令，选择消息的语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG）。',
  'exit status: 0 no errors, 1 errors found, 2 usage or I/O error, 3 training diverged (a loss or weight became NaN or infinite), 130 training stopped':
    '退出状态：0 没有错误，1 发现错误，2 用法或输入/输出错误，3 训练发散（损失或权重变成了 NaN 或无穷大），130 训练被停止',
  "unknown command '{0}'": "未知命令 '{0}'",
  "internal error in '{0}': {1}": "'{0}' 内部错误：{1}",
  'please report this with the file that caused it': '请报告这个问题，并附上引起它的文件',

  // node-host.ts
  'cannot be read': '无法读取',
  'is {0} MB; nn reads .nn files up to {1} MB': '有 {0} MB；nn 只读取不超过 {1} MB 的 .nn 文件',

  // progress-line.ts
  'epoch {0}': '第 {0} 轮',
  'ETA {0}': '剩余 {0}',

  // run-command.ts
  'Applies a trained model (the newest checkpoint of its runs, or --checkpoints DIR)\nto NumPy arrays, one --input per model input, writing one --out .npy per output.':
    '把训练好的模型（它的训练中最新的检查点，或 --checkpoints DIR）用在 NumPy 数组上：\n模型的每个输入一个 --input，每个输出写入一个 --out .npy。',
  "With --pipeline, runs a pipeline of the file (R-CNN, YOLO, SAM) on a PNG, JPEG,\nGIF or BMP picture, with the trained weights of the models it applies. The\npicture is resized to the pipeline's input size when that is fixed. It writes\n<picture>-<pipeline>.json (boxes in the picture's pixels with class and score,\nmasks as PNG files) and <picture>-<pipeline>.svg (the results drawn over the\npicture) in --out DIR (default: the working folder).":
    '加 --pipeline 时，在一张 PNG、JPEG、GIF 或 BMP 图片上运行文件中的流水线\n（R-CNN、YOLO、SAM），所用模型带着训练好的权重。流水线的输入大小固定时，\n图片会缩放到这个大小。它在 --out DIR（默认：当前工作文件夹）中写入\n<picture>-<pipeline>.json（以图片像素表示的框，带类别和分数；掩码存为 PNG 文件）\n和 <picture>-<pipeline>.svg（把结果画在图片上）。',
  "a prompt point in the picture's pixels, label 1 (on the\n                        object, the default) or 0 (background); repeatable":
    '一个提示点（图片像素坐标），标签为 1（在物体上，默认）\n                        或 0（背景）；可重复',
  "a prompt box in the picture's pixels": '一个提示框（图片像素坐标）',
  '--{0} is for pipelines: give --pipeline NAME': '--{0} 是给流水线用的：请给出 --pipeline NAME',
  '--input X.npy is required': '必须给出 --input X.npy',
  '--out Y.npy is required': '必须给出 --out Y.npy',

  // run-pipeline-command.ts
  '--image PICTURE is required with --pipeline': '使用 --pipeline 时必须给出 --image PICTURE',
  '--{0} is for models; a pipeline takes --image': '--{0} 是给模型用的；流水线用 --image',
  '--out DIR is given twice: a pipeline writes its files in one folder': '--out DIR 给了两次：流水线把文件写在一个文件夹里',
  "--point takes x,y or x,y,label (pixels of the picture; label 1 foreground, 0 background), not '{0}'": "--point 的格式是 x,y 或 x,y,label（图片像素坐标；标签 1 为前景，0 为背景），不能是 '{0}'",
  '--point {0}: the label is 1 (foreground) or 0 (background), not {1}': '--point {0}：标签只能是 1（前景）或 0（背景），不能是 {1}',
  "--box takes x0,y0,x1,y1 (pixels of the picture), not '{0}'": "--box 的格式是 x0,y0,x1,y1（图片像素坐标），不能是 '{0}'",
  '--box {0}: x0 must be less than x1 and y0 less than y1': '--box {0}：x0 必须小于 x1，y0 必须小于 y1',
  '{0} mask': '{0} 个掩码',
  '{0} masks': '{0} 个掩码',
  '{0} detection': '{0} 个检测结果',
  '{0} detections': '{0} 个检测结果',

  // sizes.ts
  "--size takes NAME=N with N a whole number, not '{0}'": "--size 的格式是 NAME=N，N 为整数，不能是 '{0}'",

  // summary-command.ts
  "Prints a model's layers as a table: each layer's output shape, weights and\nFLOPs per example, and the totals. FILE may hold several models: --model picks\none (a model, not a train block); a model's parameters take --set.":
    '把模型的各层列成表：每一层的输出形状、权重数和每个样本的 FLOPs，以及合计。\nFILE 中可以有多个模型：用 --model 选一个（是模型，不是 train 块）；\n模型的参数用 --set 给出。',
  "the model to summarize (default: the file's only model)": '要汇总的模型（默认：文件中唯一的模型）',
  'a value for a model parameter (repeatable): --set depth=50': '给模型参数一个值（可重复）：--set depth=50',
  'the summary as JSON (layers, totals, inputs and outputs)': '以 JSON 输出汇总（各层、合计、输入和输出）',
  'one file at a time': '一次只能给一个文件',
  "--set takes name=value, not '{0}'": "--set 的格式是 name=value，不能是 '{0}'",
  '--set {0}: {1} is beyond 2^53 - 1, the largest whole number nn computes exactly': '--set {0}：{1} 超过了 2^53 - 1，这是 nn 能精确计算的最大整数',

  // summary-table.ts
  Layer: '层',
  Kind: '种类',
  'Output shape': '输出形状',
  Params: '参数量',
  '0 (shares {0})': '0（与 {0} 共享）',
  'Model: {0}': '模型：{0}',
  'Total params: {0}': '参数总量：{0}',
  'Trainable params: {0}': '可训练参数：{0}',
  'Non-trainable params: {0}': '不可训练参数：{0}',

  // train-command.ts
  'Trains a model on the native TensorFlow backend, as its train block says, and\nwrites the run (checkpoints, events, pictures) into a folder of its own,\nruns/<name>/<run-id>/ beside FILE. FILE may hold several train blocks: --model\npicks one (a train block, not a model). Ctrl-C finishes the batch, saves a\ncheckpoint and exits with 130.':
    '按 train 块的设置，在原生 TensorFlow 后端上训练模型，\n把这次训练（检查点、事件、图片）写进它自己的文件夹，即 FILE 旁边的\nruns/<name>/<run-id>/。FILE 中可以有多个 train 块：用 --model 选一个\n（是 train 块，不是模型）。按 Ctrl-C 会先算完当前批、保存检查点，\n再以 130 退出。',
  "the train block to run (default: the file's only one)": '要运行的 train 块（默认：文件中唯一的一个）',
  "override the train block's settings": '覆盖 train 块中的设置',
  'where to train (default auto: a GPU when TensorFlow sees one)': '在哪里训练（默认 auto：TensorFlow 能看到 GPU 时用 GPU）',
  'start a new run from the newest intact checkpoint of this train block': '从这个 train 块最新的完好检查点开始一次新的训练',
  'put the run folders in DIR instead of runs/<name>/ beside FILE': '把训练文件夹放在 DIR 中，而不是 FILE 旁边的 runs/<name>/',
  'JSON Lines events instead of a progress bar (docs/events.md)': '输出 JSON Lines 事件而不是进度条（docs/events.md）',
  "take one step only and show each layer's activations, gradients and update": '只走一步，展示每一层的激活值、梯度和参数更新',
  'run each step op by op, as TensorFlow.js does (default: each step as one\n                       TensorFlow graph, on the native backend, where the step allows it)':
    '每一步逐个算子运行，和 TensorFlow.js 一样（默认：在原生后端上，\n                       只要这一步允许，就把每一步作为一个 TensorFlow 图运行）',
  "tfjs (the default), or torch: the train block exported to PyTorch\n                       (model.py, train.py, data/ in the run folder's torch/) and trained by\n                       the Python that has torch (NN_PYTHON, else python3; `nn doctor` says\n                       which): the same events, checkpoints in the run folder, --resume":
    'tfjs（默认），或 torch：把 train 块导出到 PyTorch\n                       （model.py、train.py、data/，放在训练文件夹的 torch/ 中），\n                       由装有 torch 的 Python 训练（NN_PYTHON，否则 python3；\n                       `nn doctor` 会说明是哪个）：事件相同，检查点在训练文件夹中，支持 --resume',
  '(torch) train on the GPU (gpu means the same; default: CUDA when PyTorch sees it)': '（torch）在 GPU 上训练（gpu 同义；默认：PyTorch 能看到 CUDA 时用它）',
  '(torch) N processes under torch.distributed.run (DDP; one per GPU)': '（torch）用 torch.distributed.run 启动 N 个进程（DDP；每个 GPU 一个）',
  '(torch) bfloat16 autocast; FSDP2 sharding': '（torch）bfloat16 自动混合精度；FSDP2 分片',
  'With --device gpu and no GPU that TensorFlow.js can use, training goes to\nPyTorch when it sees CUDA, and says so.':
    '给出 --device gpu 而 TensorFlow.js 没有可用的 GPU 时，\n如果 PyTorch 能看到 CUDA，就改用 PyTorch 训练，并给出说明。',
  '--explain shows the first step from the initial weights; it does not take --resume': '--explain 展示从初始权重开始的第一步；它不能与 --resume 一起用',
  "--{0} takes a whole number, not '{1}'": "--{0} 需要一个整数，不能是 '{1}'",
  "--{0} takes a whole number of at least 1, not '{1}'": "--{0} 需要一个不小于 1 的整数，不能是 '{1}'",
  "--engine takes tfjs or torch, not '{0}'": "--engine 只能取 tfjs 或 torch，不能是 '{0}'",
  '--explain shows a step of the tfjs engine; it does not take --engine torch': '--explain 展示的是 tfjs 引擎的一步；它不能与 --engine torch 一起用',
  "--device takes cpu, gpu or auto (or cuda), not '{0}'": "--device 只能取 cpu、gpu 或 auto（或 cuda），不能是 '{0}'",
  "--device takes cpu, gpu or auto, not '{0}': cuda is for --engine torch": "--device 只能取 cpu、gpu 或 auto，不能是 '{0}'：cuda 是给 --engine torch 用的",
  '--out {0} {1}; give a folder': '--out {0} {1}；请给出一个文件夹',
  'no native TensorFlow backend: training runs on pure JavaScript, about 100 times slower (run `nn doctor` to see why)':
    '没有原生 TensorFlow 后端：训练在纯 JavaScript 上运行，慢约 100 倍（运行 `nn doctor` 查看原因）',
  'internal error: {0}': '内部错误：{0}',
  'is a file, not a folder': '是文件，不是文件夹',
  'stopping after this batch (saving a checkpoint); press Ctrl-C again to quit now': '算完这个批后停止（会保存检查点）；再按一次 Ctrl-C 立即退出',
  '{0} is for --engine torch': '{0} 是给 --engine torch 用的',
  '{0} are for --engine torch': '{0} 是给 --engine torch 用的',
  "--nproc takes a whole number of at least 1, not '{0}'": "--nproc 需要一个不小于 1 的整数，不能是 '{0}'",
  "--amp takes bf16, not '{0}'": "--amp 只能取 bf16，不能是 '{0}'",

  // train-output.ts
  '{0} ({1} parameters)': '{0}（{1} 个参数）',
  ' and ': ' 和 ',
  'training {0} on {1}: {2} examples to learn from, {3} to measure on': '在 {1} 上训练 {0}：{2} 个样本用来学习，{3} 个用来评估',
  ', resuming at epoch {0}': '，从第 {0} 轮继续',
  'backend: {0} ({1}), {2} of {3}': '后端：{0}（{1}），{2}，每轮 {3}',
  '{0} epoch': '{0} 轮',
  '{0} epochs': '{0} 轮',
  '{0} batch': '{0} 个批',
  '{0} batches': '{0} 个批',
  'epoch {0}/{1}': '第 {0}/{1} 轮',
  'pictures in {0}{1}': '图片在 {0}{1}',
  'loss and metrics: {0}': '损失和指标：{0}',
  '{0} s': '{0} 秒',
  '{0} min {1} s': '{0} 分 {1} 秒',
  'stopped after {0} epoch in {1}': '已停止：{0} 轮，用时 {1}',
  'stopped after {0} epochs in {1}': '已停止：{0} 轮，用时 {1}',
  'stopped early (no better validation loss) after {0} epoch in {1}': '提前停止（验证损失不再下降）：{0} 轮，用时 {1}',
  'stopped early (no better validation loss) after {0} epochs in {1}': '提前停止（验证损失不再下降）：{0} 轮，用时 {1}',
  'done after {0} epoch in {1}': '完成：{0} 轮，用时 {1}',
  'done after {0} epochs in {1}': '完成：{0} 轮，用时 {1}',

  // train-torch.ts
  "--nproc {0}: a GAN's train block trains as one process (its two models take turns on each batch); leave out --nproc": '--nproc {0}：GAN 的 train 块只在一个进程中训练（它的两个模型在每一批上轮流训练）；请去掉 --nproc',
  '--device cuda: {0} has a CPU-only build (torch {1}); train with --device cpu, or install PyTorch for CUDA (`nn doctor` shows what it finds)':
    '--device cuda：{0} 中的是仅 CPU 的构建（torch {1}）；请用 --device cpu 训练，或安装支持 CUDA 的 PyTorch（`nn doctor` 会显示它找到了什么）',
  '--device cuda: {0} has torch {1}, built for CUDA {2}, but sees no GPU; train with --device cpu, or install PyTorch for CUDA (`nn doctor` shows what it finds)':
    '--device cuda：{0} 中的 torch {1} 为 CUDA {2} 构建，但看不到 GPU；请用 --device cpu 训练，或安装支持 CUDA 的 PyTorch（`nn doctor` 会显示它找到了什么）',
  'PyTorch {0} sees CUDA ({1}): training with --engine torch': 'PyTorch {0} 能看到 CUDA（{1}）：改用 --engine torch 训练',
  'PyTorch {0} sees CUDA: training with --engine torch': 'PyTorch {0} 能看到 CUDA：改用 --engine torch 训练',

  // trained-model.ts
  'no trained weights for {0} (train it first with nn train); using its initial weights': '{0} 没有训练好的权重（请先用 nn train 训练它）；使用它的初始权重',
};
