// The `nn` command line: dispatches to a subcommand. Every error is a
// message and an exit code (2 for usage and I/O, 3 for a training run that
// diverged), never a stack trace.

import { localeFrom, localeFromEnvironment, setLocale } from '../core/i18n/locale.js';
import { msg } from '../core/i18n/message.js';
import { CHECK_USAGE, checkCommand } from './check-command.js';
import { DOCTOR_USAGE, doctorCommand } from './doctor-command.js';
import { FMT_USAGE, fmtCommand } from './fmt-command.js';
import { EXPORT_USAGE, exportCommand } from './export-command.js';
import { describeFailure } from './failure-message.js';
import { EXIT, type Io } from './io.js';
import { RUN_USAGE, runCommand } from './run-command.js';
import { SUMMARY_USAGE, summaryCommand } from './summary-command.js';
import { TRAIN_USAGE, trainCommand } from './train-command.js';

/**
 * Sets the language of every message from `--lang zh|en` (anywhere on the
 * line, removed before the command sees it) or else the environment
 * (LC_ALL, LC_MESSAGES, LANG). Returns the remaining arguments, or the
 * message for a language it does not know.
 */
function chooseLanguage(argv: readonly string[], io: Io): { argv: string[] } | string {
  const rest: string[] = [];
  let asked: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang' || arg.startsWith('--lang=')) {
      asked = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (asked === undefined || !/^(zh|en)([-_].*)?$/i.test(asked)) {
        // the language asked for is not known: say so in the environment's
        setLocale(localeFromEnvironment(io.env ?? {}));
        return `nn: ${asked === undefined ? msg`--lang takes zh or en` : msg`--lang takes zh or en, not '${asked}'`}`;
      }
    } else rest.push(arg);
  }
  setLocale(asked !== undefined ? localeFrom(asked) : localeFromEnvironment(io.env ?? {}));
  return { argv: rest };
}

const COMMANDS: Record<string, (argv: readonly string[], io: Io) => number | Promise<number>> = {
  check: checkCommand,
  summary: summaryCommand,
  fmt: fmtCommand,
  train: trainCommand,
  export: exportCommand,
  run: runCommand,
  doctor: doctorCommand,
};

/** The overview of every command, built when asked (after the language is chosen); the usage lines stay as typed. */
function help(): string {
  return `${msg`nn: a language for neural networks`}

${CHECK_USAGE}
    ${msg`every syntax and shape error, as path:line:col: error[NNxxxx]: message`}
${SUMMARY_USAGE}
    ${msg`each layer's output shape, parameters and FLOPs, and the totals`}
${FMT_USAGE}
    ${msg`rewrite files in the canonical layout`}
${TRAIN_USAGE}
    ${msg`train a model on the native TensorFlow backend: a progress bar, or JSON Lines events with --json;`}
    ${msg`--explain takes the first step only and shows each layer's activations, gradients and update`}
${EXPORT_USAGE}
    ${msg`write the model with its trained weights for TensorFlow.js (model.json, weights.bin, nn-layers.mjs)`}
${RUN_USAGE}
    ${msg`apply the trained model to NumPy arrays, writing its outputs as NumPy arrays;`}
    ${msg`or run a pipeline on a picture, writing its boxes or mask as JSON and SVG`}
${DOCTOR_USAGE}
    ${msg`which TensorFlow backend training uses (native or pure JavaScript, CPU or GPU), and why`}

${msg`nn COMMAND --help (or nn help COMMAND) explains one command and its options.`}
${msg`--lang zh|en, on any command, chooses the language of its messages (default: from LC_ALL, LC_MESSAGES or LANG).`}

${msg`exit status: 0 no errors, 1 errors found, 2 usage or I/O error, 3 training diverged (a loss or weight became NaN or infinite), 130 training stopped`}
`;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const language = chooseLanguage(argv, io);
  if (typeof language === 'string') {
    io.stderr.write(`${language}\n`);
    return EXIT.usage;
  }
  const [command, ...rest] = language.argv;
  if (command === 'help' && rest.length > 0) return run([rest[0]!, '--help'], io);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(help());
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!handler) {
    io.stderr.write(`nn: ${msg`unknown command '${command}'`}\n\n${help()}`);
    return EXIT.usage;
  }
  try {
    return await handler(rest, io);
  } catch (e) {
    // a failure the user can act on (a full disk, a read-only folder, ...) that a command did not report itself
    const failure = describeFailure(e);
    if (failure) {
      io.stderr.write(`nn: ${failure.message}\n`);
      return failure.exit;
    }
    // A bug, not a user error: say so plainly, with what to report.
    io.stderr.write(`nn: ${msg`internal error in '${command}': ${e instanceof Error ? e.message : String(e)}`}\n${msg`please report this with the file that caused it`}\n`);
    if (process.env.NN_DEBUG) io.stderr.write(`${e instanceof Error ? e.stack : ''}\n`);
    return EXIT.usage;
  }
}
