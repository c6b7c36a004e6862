// Chinese for the messages and docs of one part of the code (see ../message.ts).
// Keys are the English texts, with {0}, {1}, ... where a template has values.

export const RUNTIME: Readonly<Record<string, string>> = {};
