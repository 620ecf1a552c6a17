// A front end's use of the declarations, type-checked by `tsc --noEmit` (tsconfig.json:
// bundler resolution, so `passguard` is the web build's declarations).
import init, {
  Checker,
  audit,
  length,
  presetNames,
  type AuditReport,
  type CheckerOptions,
  type Context,
  type Locale,
  type Finding,
  type Policy,
  type PolicyInput,
  type PresetName,
  type Report,
  type RuleId,
  type RuleOutcome,
  type Status,
  type Strength,
} from "passguard";

await init();

const preset: PresetName = presetNames()[0];
const checker = new Checker(preset);
const custom: PolicyInput = { name: "ours", password: { min_length: 12, blocklist: "none" } };
const fromObject = new Checker(custom);
const fromJson = new Checker('{"name": "ours"}');

const context: Context = {
  username: "ada",
  email: "ada@example.com",
  displayName: "Ada Lovelace",
  currentPassword: "old password",
  passwordChangedAt: new Date("2025-01-01T00:00:00Z"),
  now: Date.now(),
};

const report: Report = checker.check("Xyz<wxyz", context);
const accepted: boolean = report.accepted;
const failed: RuleId[] = report.rules.filter((rule: RuleOutcome) => rule.status === "fail").map((rule) => rule.id);
const status: Status | undefined = report.rules[0]?.status;
const actual = report.rules.find((rule) => rule.id === "min-length")?.params.actual;

// Every report carries the strength estimate, with ids beside the English feedback.
const strength: Strength = report.strength;
const meter: number = strength.score;
const offline: number = strength.crack_times_seconds.offline_slow_hashing_1e4_per_second;
const warning: string | null = strength.warning;
const warningId: string | null = strength.warning_id;
console.log(warningId, strength.suggestion_ids.length);

const policy: Policy = fromObject.policy;
const minimum: number = policy.password.min_length;
const counter = `${length("Aa1😀😀😀😀😀")} / ${minimum} characters`;

// The password managers' hint for a new-password field, or null when there is none.
const passwordRules: string | null = checker.passwordRules();
if (passwordRules !== null) document.querySelector("#new-password")?.setAttribute("passwordrules", passwordRules);

// @ts-expect-error: the context's fields are camelCase.
checker.check("x", { current_password: "old" });
// @ts-expect-error: moments are a Date or milliseconds, not text.
checker.check("x", { now: "2025-01-01" });
// @ts-expect-error: a Report's status is one of pass, fail, pending.
const wrong: Status = "ok";

export { accepted, actual, counter, failed, fromJson, meter, offline, status, warning, wrong };

const findings: AuditReport = audit("security-admin", { asvsLevel: 2 });
const first: Finding | undefined = findings.findings[0];
const level: "SHALL" | "SHALL NOT" | "SHOULD" | undefined = first?.level;
console.log(findings.conforms, level);
// @ts-expect-error: ASVS has three levels
audit("security-admin", { asvsLevel: 4 });

const locale: Locale = "de";
const options: CheckerOptions = { locale };
new Checker("security-admin", options).check("x", { locale: "fr" });
// @ts-expect-error: passguard speaks en, de and fr
new Checker("security-admin", { locale: "it" });
