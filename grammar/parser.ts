// The chevrotain CST parser of `.nn`, built once per process.
//
// The parser is invoked once per top-level item (see parse.ts, which splits
// the token stream at the top-level keywords), so a broken item never takes
// the following ones with it. Binary operators are parsed as a flat chain
// (`operand (op operand)*`); precedence is resolved in to-ast.ts, which keeps
// the recursion depth per nesting level low.
//
// Lookahead is LL(1) (`maxLookahead: 1`): the few places that need a second
// token (`key: value`, `output name = ...`, `repeat i in n`) decide with a
// GATE on LA(2). The alternatives of every OR are built once (see `alts`).

import { CstParser, type CstNode, type IOrAlt, type IToken, type OrMethodOpts, type TokenType } from 'chevrotain';
import * as T from './tokens.js';
import { messageProvider } from './errors.js';

/** The dtypes an input may name (the checker's list); another name followed by a name is the next statement. */
const DTYPE_WORDS = new Set(['float', 'float32', 'int', 'int32', 'bool']);
const STATEMENT_SECOND = new Set<TokenType>([T.Identifier, T.LParen, T.LBracket, T.Colon]);

class NnParser extends CstParser {
  // The alternatives of each OR, built once (on first use) instead of on every
  // call: an OR literal allocates an array, objects and closures per call.
  // Declared before the rules so that they exist while the rules are recorded.
  private readonly alts: IOrAlt<unknown>[][] = [];
  private readonly orOpts: OrMethodOpts<unknown>[] = [];

  constructor() {
    super([...T.allTokens, ...T.categoryTokens], {
      recoveryEnabled: true,
      nodeLocationTracking: 'onlyOffset',
      maxLookahead: 1,
      errorMessageProvider: messageProvider,
      skipValidations: false,
    });
    this.performSelfAnalysis();
  }

  // ------------------------------------------------------------ top level

  topLevel = this.RULE('topLevel', () => {
    this.OR(this.alts[0] ??= [
      { ALT: () => this.SUBRULE(this.importDecl) },
      { ALT: () => this.SUBRULE(this.definition) },
      { ALT: () => this.SUBRULE(this.trainDecl) },
    ]);
  });

  importDecl = this.RULE('importDecl', () => {
    this.CONSUME(T.Import);
    this.OPTION(() => {
      this.CONSUME(T.LBrace);
      this.OPTION2(() => {
        this.CONSUME(T.Identifier, { LABEL: 'names' });
        this.MANY(() => {
          this.CONSUME(T.Comma);
          this.OPTION3(() => this.CONSUME2(T.Identifier, { LABEL: 'names' }));
        });
      });
      this.CONSUME(T.RBrace);
      this.CONSUME(T.From);
    });
    this.CONSUME(T.StringLike, { LABEL: 'path' });
  });

  definition = this.RULE('definition', () => {
    this.OR(this.alts[1] ??= [
      { ALT: () => this.CONSUME(T.Model, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(T.Block, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(T.Loss, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(T.Pipeline, { LABEL: 'keyword' }) },
    ]);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => this.SUBRULE(this.paramList));
    this.SUBRULE(this.body);
  });

  paramList = this.RULE('paramList', () => {
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.param);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.OPTION2(() => this.SUBRULE2(this.param));
      });
    });
    this.CONSUME(T.RParen);
  });

  param = this.RULE('param', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      this.SUBRULE(this.typeRef);
    });
    this.OPTION2(() => {
      this.CONSUME(T.Equals);
      this.SUBRULE(this.expression, { LABEL: 'default' });
    });
  });

  typeRef = this.RULE('typeRef', () => {
    this.OR(this.alts[2] ??= [
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: 'name' }) },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.CONSUME2(T.Identifier, { LABEL: 'name' });
          this.CONSUME(T.RBracket);
        },
      },
    ]);
  });

  trainDecl = this.RULE('trainDecl', () => {
    this.CONSUME(T.Train);
    this.CONSUME(T.Identifier, { LABEL: 'target' });
    this.CONSUME(T.On);
    this.SUBRULE(this.binaryExpr, { LABEL: 'data' });
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.OR(this.orOpts[0] ??= {
        IGNORE_AMBIGUITIES: true,
        DEF: [
        { ALT: () => this.SUBRULE(this.trainEntry) },
        { ALT: () => this.CONSUME(T.Comma) },
        { ALT: () => this.CONSUME(T.Semicolon) },
        { ALT: () => this.CONSUME(T.StrayInTrain, { LABEL: 'stray' }) },
        ],
      });
    });
    this.CONSUME(T.RBrace);
  });

  trainEntry = this.RULE('trainEntry', () => {
    this.OPTION({
      GATE: () => this.LA(2).tokenType === T.Colon,
      DEF: () => {
        this.CONSUME(T.AnyName, { LABEL: 'key' });
        this.CONSUME(T.Colon);
      },
    });
    this.SUBRULE(this.expression, { LABEL: 'value' });
  });

  // ------------------------------------------------------------ statements

  body = this.RULE('body', () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.OR(this.alts[3] ??= [
        { ALT: () => this.SUBRULE(this.statement) },
        { ALT: () => this.CONSUME(T.Semicolon) },
        { ALT: () => this.CONSUME(T.StrayInBody, { LABEL: 'stray' }) },
      ]);
    });
    this.CONSUME(T.RBrace);
  });

  statement = this.RULE('statement', () => {
    this.OR(this.alts[4] ??= [
      { ALT: () => this.SUBRULE(this.inputStmt) },
      { ALT: () => this.SUBRULE(this.letStmt) },
      { ALT: () => this.SUBRULE(this.outputStmt) },
      { ALT: () => this.SUBRULE(this.repeatStmt) },
      { ALT: () => this.SUBRULE(this.forStmt) },
      { ALT: () => this.SUBRULE(this.ifStmt) },
      { ALT: () => this.SUBRULE(this.assignStmt) },
    ]);
  });

  inputStmt = this.RULE('inputStmt', () => {
    this.CONSUME(T.Input);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.list, { LABEL: 'shape' });
    this.OPTION({
      // a name then a name, `(` or `:` starts the next statement (`var y = x`, `print(x)`, `inptu y: [B]`), unless it is a dtype
      GATE: () => this.LA(2).tokenType !== T.Equals && (DTYPE_WORDS.has(this.LA(1).image) || !STATEMENT_SECOND.has(this.LA(2).tokenType)),
      DEF: () => this.CONSUME2(T.Identifier, { LABEL: 'dtype' }),
    });
    this.OPTION2(() => this.CONSUME(T.Optional));
  });

  letStmt = this.RULE('letStmt', () => {
    this.CONSUME(T.Let);
    this.CONSUME(T.Identifier, { LABEL: 'names' });
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.Identifier, { LABEL: 'names' });
    });
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      this.SUBRULE(this.list, { LABEL: 'annotation' });
    });
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression, { LABEL: 'value' });
  });

  outputStmt = this.RULE('outputStmt', () => {
    this.CONSUME(T.Output);
    this.OR(this.orOpts[1] ??= {
      IGNORE_AMBIGUITIES: true,
      DEF: [
      {
        GATE: () => {
          const next = this.LA(2).tokenType;
          return next === T.Equals || next === T.Colon;
        },
        ALT: () => {
          this.CONSUME(T.Identifier, { LABEL: 'name' });
          this.OPTION(() => {
            this.CONSUME(T.Colon);
            this.SUBRULE(this.list, { LABEL: 'annotation' });
          });
          this.OPTION2(() => {
            this.CONSUME(T.Equals);
            this.SUBRULE(this.expression, { LABEL: 'value' });
          });
        },
      },
      {
        ALT: () => {
          this.SUBRULE2(this.expression, { LABEL: 'value' });
          this.OPTION3(() => {
            this.CONSUME2(T.Colon);
            this.SUBRULE2(this.list, { LABEL: 'annotation' });
          });
        },
      },
      ],
    });
  });

  assignStmt = this.RULE('assignStmt', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression, { LABEL: 'value' });
  });

  repeatStmt = this.RULE('repeatStmt', () => {
    this.CONSUME(T.Repeat);
    this.OPTION({
      GATE: () => this.LA(2).tokenType === T.In,
      DEF: () => {
        this.CONSUME(T.Identifier, { LABEL: 'variable' });
        this.CONSUME(T.In);
      },
    });
    this.SUBRULE(this.binaryExpr, { LABEL: 'count' });
    this.SUBRULE(this.body);
  });

  forStmt = this.RULE('forStmt', () => {
    this.CONSUME(T.For);
    this.CONSUME(T.Identifier, { LABEL: 'variable' });
    this.CONSUME(T.In);
    this.SUBRULE(this.binaryExpr, { LABEL: 'iterable' });
    this.SUBRULE(this.body);
  });

  ifStmt = this.RULE('ifStmt', () => {
    this.CONSUME(T.If);
    this.SUBRULE(this.binaryExpr, { LABEL: 'condition' });
    this.SUBRULE(this.body, { LABEL: 'then' });
    this.OPTION(() => {
      this.CONSUME(T.Else);
      this.OR(this.alts[5] ??= [
        { ALT: () => this.SUBRULE(this.ifStmt, { LABEL: 'elseIf' }) },
        { ALT: () => this.SUBRULE2(this.body, { LABEL: 'else' }) },
      ]);
    });
  });

  // ------------------------------------------------------------ expressions

  /**
   * A pipe `head -> stage -> stage`, where the head is a flat operator chain
   * `prefix* operand (op prefix* operand)*`. Flat on purpose: few rule calls
   * per atom (speed) and little recursion per nesting level (stack depth).
   */
  expression = this.RULE('expression', () => {
    this.MANY(() => this.CONSUME(T.PrefixOp, { LABEL: 'prefix' }));
    this.SUBRULE(this.postfix, { LABEL: 'operand' });
    this.MANY2(() => {
      this.CONSUME(T.BinaryOp, { LABEL: 'ops' });
      this.MANY3(() => this.CONSUME2(T.PrefixOp, { LABEL: 'prefix' }));
      this.SUBRULE2(this.postfix, { LABEL: 'operand' });
    });
    this.MANY4(() => {
      this.CONSUME(T.Arrow);
      this.SUBRULE3(this.postfix, { LABEL: 'stages' });
    });
  });

  /** an operator chain without `->` (conditions, counts, iterables) */
  binaryExpr = this.RULE('binaryExpr', () => {
    this.MANY(() => this.CONSUME(T.PrefixOp, { LABEL: 'prefix' }));
    this.SUBRULE(this.postfix, { LABEL: 'operand' });
    this.MANY2(() => {
      this.CONSUME(T.BinaryOp, { LABEL: 'ops' });
      this.MANY3(() => this.CONSUME2(T.PrefixOp, { LABEL: 'prefix' }));
      this.SUBRULE2(this.postfix, { LABEL: 'operand' });
    });
  });

  /** a primary with its call and index suffixes */
  postfix = this.RULE('postfix', () => {
    this.OR(this.alts[6] ??= [
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.NumberLit) },
      { ALT: () => this.CONSUME(T.StringLike) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.SUBRULE(this.list) },
      { ALT: () => this.SUBRULE(this.record) },
      { ALT: () => this.SUBRULE(this.paren) },
      { ALT: () => this.SUBRULE(this.ifExpr) },
      { ALT: () => this.SUBRULE(this.repeatExpr) },
    ]);
    this.MANY(() => {
      this.OR2(this.alts[7] ??= [
        { ALT: () => this.SUBRULE(this.callArgs) },
        { ALT: () => this.SUBRULE(this.indexSuffix) },
        { ALT: () => this.SUBRULE(this.memberSuffix) },
      ]);
    });
  });

  callArgs = this.RULE('callArgs', () => {
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.argument);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.OPTION2(() => this.SUBRULE2(this.argument));
      });
    });
    this.CONSUME(T.RParen);
  });

  argument = this.RULE('argument', () => {
    this.OPTION({
      GATE: () => this.LA(2).tokenType === T.Colon,
      DEF: () => {
        this.CONSUME(T.AnyName, { LABEL: 'name' });
        this.CONSUME(T.Colon);
      },
    });
    this.SUBRULE(this.expression, { LABEL: 'value' });
  });

  /** `.name`: a weight of a layer (`embed.embeddings`) */
  memberSuffix = this.RULE('memberSuffix', () => {
    this.CONSUME(T.Dot);
    this.CONSUME(T.Identifier, { LABEL: 'member' });
  });

  indexSuffix = this.RULE('indexSuffix', () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.indexItem);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.OPTION2(() => this.SUBRULE2(this.indexItem));
      });
    });
    this.CONSUME(T.RBracket);
  });

  indexItem = this.RULE('indexItem', () => {
    this.OR(this.alts[8] ??= [
      { ALT: () => this.CONSUME(T.Ellipsis) },
      {
        ALT: () => {
          this.SUBRULE(this.expression, { LABEL: 'start' });
          this.OPTION(() => this.SUBRULE(this.sliceTail));
        },
      },
      { ALT: () => this.SUBRULE2(this.sliceTail) },
    ]);
  });

  sliceTail = this.RULE('sliceTail', () => {
    this.CONSUME(T.Colon, { LABEL: 'colon1' });
    this.OPTION(() => this.SUBRULE(this.expression, { LABEL: 'stop' }));
    this.OPTION2(() => {
      this.CONSUME2(T.Colon, { LABEL: 'colon2' });
      this.OPTION3(() => this.SUBRULE2(this.expression, { LABEL: 'step' }));
    });
  });

  list = this.RULE('list', () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression, { LABEL: 'items' });
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.OPTION2(() => this.SUBRULE2(this.expression, { LABEL: 'items' }));
      });
    });
    this.CONSUME(T.RBracket);
  });

  record = this.RULE('record', () => {
    this.CONSUME(T.LBrace);
    this.OPTION(() => {
      this.SUBRULE(this.argument, { LABEL: 'fields' });
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.OPTION2(() => this.SUBRULE2(this.argument, { LABEL: 'fields' }));
      });
    });
    this.CONSUME(T.RBrace);
  });

  paren = this.RULE('paren', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression, { LABEL: 'inner' });
    this.CONSUME(T.RParen);
  });

  ifExpr = this.RULE('ifExpr', () => {
    this.CONSUME(T.If);
    this.SUBRULE(this.binaryExpr, { LABEL: 'condition' });
    this.SUBRULE(this.braced, { LABEL: 'then' });
    this.OPTION(() => {
      this.CONSUME(T.Else);
      this.OR(this.alts[9] ??= [
        { ALT: () => this.SUBRULE(this.ifExpr, { LABEL: 'elseIf' }) },
        { ALT: () => this.SUBRULE2(this.braced, { LABEL: 'else' }) },
      ]);
    });
  });

  repeatExpr = this.RULE('repeatExpr', () => {
    this.CONSUME(T.Repeat);
    this.SUBRULE(this.binaryExpr, { LABEL: 'count' });
    this.SUBRULE(this.braced, { LABEL: 'body' });
  });

  /** `{ expression }`: the body of an `if` or `repeat` expression */
  braced = this.RULE('braced', () => {
    this.CONSUME(T.LBrace);
    this.SUBRULE(this.expression, { LABEL: 'inner' });
    this.CONSUME(T.RBrace);
  });
}

export const parser = new NnParser();

/** Parse one top-level item from `tokens`; errors land in `parser.errors`. */
export function parseItem(tokens: IToken[]): CstNode {
  parser.input = tokens;
  return parser.topLevel();
}

export type { TokenType };
