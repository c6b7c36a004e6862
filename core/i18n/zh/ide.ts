// Chinese for the messages and docs of one part of the code (see ../message.ts).
// Keys are the English texts, with {0}, {1}, ... where a template has values.
// This part: the parser's messages (grammar/), the editor's answers
// (core/ide/, core/docs/) and the language server's (server/).

export const IDE: Readonly<Record<string, string>> = {
  // grammar/comment-division.ts
  "'//' starts a comment, so the rest of the line is ignored; integer division is {0}": "'//' 是注释的开头，所以这一行余下的部分都被忽略了；整除要写成 {0}",
  "'//' starts a comment, so the rest of the line is ignored, though it reads as code; integer division is {0}": "'//' 是注释的开头，所以这一行余下的部分都被忽略了，尽管它看起来像代码；整除要写成 {0}",
  // grammar/cst-util.ts
  "a train setting is written with ':', '{0}: ...'": "训练设置用 ':' 来写：'{0}: ...'",
  'unexpected {0}': '这里不应出现 {0}',
  "expected ':' after '{0}'": "'{0}' 之后应当有 ':'",
  "Insert '{0}'": "插入 '{0}'",
  "expected an expression after ',', found ','": "',' 之后应当是一个表达式，但这里又是 ','",
  // grammar/errors.ts
  'a name': '一个名字',
  'a number': '一个数',
  'a string': '一个字符串',
  'an operator': '一个运算符',
  'end of file': '文件末尾',
  'expected {0} after {1}, found {2}': '{1} 之后应当是 {0}，但这里是 {2}',
  'expected {0}, found {1}': '这里应当是 {0}，但遇到的是 {1}',
  "expected ',' or {0} after {1}, found {2}": "{1} 之后应当是 ',' 或 {0}，但这里是 {2}",
  "expected {0} to close '{1}', found {2}": "应当用 {0} 闭合 '{1}'，但这里是 {2}",
  'an expression': '一个表达式',
  'a type': '一个类型',
  "expected 'import', 'model', 'block', 'loss', 'pipeline' or 'train', found {0}": "这里应当是 'import'、'model'、'block'、'loss'、'pipeline' 或 'train'，但遇到的是 {0}",
  "expected 'model', 'block', 'loss' or 'pipeline', found {0}": "这里应当是 'model'、'block'、'loss' 或 'pipeline'，但遇到的是 {0}",
  'expected a statement, found {0}': '这里应当是一条语句，但遇到的是 {0}',
  "'if' or '{'": "'if' 或 '{'",
  more: '更多内容',
  'unexpected character {0}': '无法识别的字符 {0}',
  'unexpected characters {0}': '无法识别的字符 {0}',
  // grammar/habits.ts
  "bind a value with 'let'": "用 'let' 绑定一个值",
  "a definition gives its result with 'output'": "定义用 'output' 给出它的结果",
  "loops are 'repeat n { ... }' and 'for x in list { ... }'": "循环写作 'repeat n { ... }' 或 'for x in list { ... }'",
  "{0}: to compare, write '=='": "{0}：比较是否相等要写 '=='",
  "a body is written in braces, '{ ... }', not after ':'": "定义体写在花括号 '{ ... }' 里，而不是写在 ':' 之后",
  "{0}: a comment starts with '//'": "{0}：注释以 '//' 开头",
  "'{0}' is not a keyword: a definition starts with 'model', 'block', 'loss' or 'pipeline'": "'{0}' 不是关键字：定义以 'model'、'block'、'loss' 或 'pipeline' 开头",
  "unknown keyword '{0}'; did you mean '{1}'?": "未知的关键字 '{0}'；你是想写 '{1}' 吗？",
  "expected '->' or an operator before '{0}'": "'{0}' 之前应当有 '->' 或一个运算符",
  "'{0}' is not a keyword: {1}": "'{0}' 不是关键字：{1}",
  "unknown statement '{0}'; did you mean '{1}'?": "未知的语句 '{0}'；你是想写 '{1}' 吗？",
  "a call is not a statement: bind its result with 'let name = {0}(...)' or give it with 'output'": "调用本身不是语句：用 'let name = {0}(...)' 绑定它的结果，或用 'output' 输出它",
  "':=' is not an operator: write '='": "':=' 不是运算符：请写 '='",
  "a named argument is written with ':', '{0}: {1}'": "命名参数用 ':' 来写：'{0}: {1}'",
  "a shape is a list, in brackets: '{0}'": "形状是一个列表，写在方括号里：'{0}'",
  "Change to '{0}'": "改为 '{0}'",
  // grammar/parse.ts
  'nesting too deep (more than {0} open brackets)': '嵌套太深（同时打开的括号超过 {0} 个）',
  'nesting too deep (more than {0} operators, calls and indexes in one chain)': '嵌套太深（一条链中的运算符、调用和索引超过 {0} 个）',
  'nesting too deep': '嵌套太深',
  'internal parser error: {0}': '语法分析器内部错误：{0}',
  'this file is {0} MB; nn checks files up to {1} MB': '这个文件有 {0} MB；nn 只检查不超过 {1} MB 的文件',
  'unterminated string': '字符串没有结束引号',
  'too many syntax errors; only the first {0} are shown': '语法错误太多；只显示前 {0} 个',
  // grammar/to-ast-expr.ts
  "comparisons cannot be chained: add parentheses around '{0}' or '{1}'": "比较不能连写：请给 '{0}' 或 '{1}' 加上括号",
  'nesting too deep (more than {0} operators)': '嵌套太深（运算符超过 {0} 个）',
};
