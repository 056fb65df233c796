// Entry of the bundled CLI (npm run build:agent → agent/dist/shipshape.cjs): plain Node, no tsx.
import { main } from "./cli";

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  () => process.exit(3),
);
