// TensorFlow 2.21's library logs through absl before anything can set a
// level: on CPUs where oneDNN's custom operations are on by default it
// writes, while it loads, "WARNING: All log messages before
// absl::InitializeLog() is called are written to STDERR" and an
// `I0000 ... port.cc:153] oneDNN custom operations are on ...` line, whatever
// TF_CPP_MIN_LOG_LEVEL says. They are not nn's output: tests that read nn's
// stderr line by line leave them out.

const ABSL_PREAMBLE = /^WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR$/;
/** absl's format: severity and date, time, thread, file:line] */
const ABSL_LINE = /^[IWE]\d{4} \d\d:\d\d:\d+\.\d+ +\d+ [\w.-]+:\d+\] /;

export function withoutNativeLogs(stderr: string): string {
  return stderr
    .split(/(?<=\n)/)
    .filter((line) => !ABSL_PREAMBLE.test(line.trimEnd()) && !ABSL_LINE.test(line))
    .join('');
}
