// The same declarations as Node sees them (tsconfig.node.json: nodenext resolution picks the
// "node" export, whose ES module entry re-exports the nodejs build and a no-op init).
import init, { Checker, type Report } from "passguard";

await init();
const report: Report = new Checker("nist-800-63b").check("correct horse battery staple", { now: new Date() });
export const accepted: boolean = report.accepted;
