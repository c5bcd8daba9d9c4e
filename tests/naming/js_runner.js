// Runs mopsdocs' shipped name-builder engine on cases from standard input (JSON) and prints the
// verdicts: {"results": [{"checks": [bool, ...], "builds": [{name, problems, notes}, ...]}, ...]}.
"use strict";
const path = require("path");
const engine = require(path.resolve(process.argv[2]));
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const results = input.cases.map((c) => {
  const conv = engine.compile(c.convention);
  return {
    checks: c.names.map((n) => engine.check(conv, n)),
    builds: c.builds.map((values) => engine.build(conv, values)),
  };
});
process.stdout.write(JSON.stringify({ results }));
