
/** The built-in presets (SPEC §1). */
export type PresetName = "security-admin" | "partner-portal" | "nist-800-63b" | "owasp-asvs";

/** A character group: exactly A–Z, a–z, 0–9, and the policy's `special_characters`. */
export type Group = "upper" | "lower" | "digit" | "special";

/** A duration: a whole number and a unit, `"90d"`, `"48h"`, `"15min"` or `"30s"`. */
export type Duration = string;

/** The rules for choosing, changing and keeping a password. */
export interface PasswordRules {
  /**
   * Fewest characters, counted in Unicode code points after NFKC normalisation, not in
   * UTF-16 code units as JavaScript's `.length` counts: `"Aa1😀😀😀😀😀"` has 8.
   */
  min_length: number;
  /** Most characters (code points after NFKC); longer input fails `max-length`, never truncated. */
  max_length: number;
  /** How many of which groups a password needs; absent when there is no such rule. */
  character_groups?: { required: number; of: Group[] };
  /** The only characters that count as `special`. */
  special_characters: string;
  /** Characters in no group: `"allow"` counts them toward length only, `"reject"` fails them. */
  other_characters: "allow" | "reject";
  /** `"common"` refuses passwords on the built-in list of common passwords. */
  blocklist: "common" | "none";
  /** `"block"`: passwords found in the server's breach corpus fail `not-breached`. */
  breached: "block" | "off";
  /** Refuses passwords containing the username, the e-mail's local part or the display name. */
  forbid_personal_info: boolean;
  /** The strength score (0..4) required; 0 enforces none. */
  min_strength: number;
  /** How many previous passwords the new one may not equal; 0 keeps no history. */
  history: number;
  /** The shortest time between two changes, or `"none"`. */
  min_age: Duration | "none";
  /** When a password expires, or `"none"`. */
  max_age: Duration | "none";
  /** How long before expiry each notice e-mail goes out (`"0d"` = at expiry). */
  expiry_notice: Duration[];
  /** How long an expired password may still log in to change itself, or `"none"` for no limit. */
  expired_grace: Duration | "none";
  /** Each successful login checks the password again; one now refused may only be changed. */
  check_at_login: boolean;
}

/** When repeated failures lock an account. */
export interface LockoutRules {
  /** Consecutive failed logins that lock the account; 0 never locks. */
  max_failed_logins: number;
  /** Wrong security answers during a reset that lock the account; 0 never locks. */
  max_failed_security_answers: number;
  /** `"admin"`, `"email"` (the lock e-mail carries an unlock link), or the duration after which a lock lifts by itself. */
  unlock: "admin" | "email" | Duration;
  /** Whether the owner is e-mailed when the account locks. */
  notify: boolean;
}

/** Reset and registration links, and security questions. */
export interface ResetRules {
  /** How long a reset or registration link lives. */
  token_lifetime: Duration;
  /** Security questions chosen at registration and asked before a reset; 0 = none. */
  security_questions: number;
  /** Whether an administrator's reset ends the sessions and refuses the old password until a new one is chosen. */
  admin_reset_revokes: boolean;
}

/** A complete policy, as the `policy` getter returns it and `GET /api/policy` serves it. */
export interface Policy {
  name: string;
  password: PasswordRules;
  lockout: LockoutRules;
  reset: ResetRules;
}

/**
 * A policy as written: only `name` is required; every field left out takes the value of the
 * `nist-800-63b` preset. Unknown fields are refused.
 */
export interface PolicyInput {
  name: string;
  password?: Partial<PasswordRules>;
  lockout?: Partial<LockoutRules>;
  reset?: Partial<ResetRules>;
}

/**
 * What is known about the person and the moment of a check. Every field is optional; a rule
 * that needs a missing one reports `pending` (or is absent). Unknown fields are refused.
 *
 * Moments are a `Date` or a number of milliseconds since the Unix epoch (as `Date.now()`
 * returns); the engine counts whole seconds, rounding toward the past.
 */
export interface Context {
  /** The account's username. */
  username?: string | null;
  /** The account's e-mail address. */
  email?: string | null;
  /** The person's name as shown, such as "Ada Lovelace". */
  displayName?: string | null;
  /** The password in force, when changing it: enables the `not-current` rule. */
  currentPassword?: string | null;
  /** When the password in force was set; leave it out when there is none yet. */
  passwordChangedAt?: Date | number | null;
  /** The time of the check; without it `min-age` stays `pending`. */
  now?: Date | number | null;
  /** The language of this report's messages (`"en"`, `"de"` or `"fr"`); the checker's `locale` option when absent. */
  locale?: Locale | null;
  /**
   * Whether the password is in a corpus of breached passwords, as you looked it up (for
   * instance through the server's `GET /api/breach/range/{prefix}`); without it
   * `not-breached` stays `pending`.
   */
  breached?: boolean | null;
}

/** A rule's stable id (SPEC §2). */
export type RuleId =
  | "min-length"
  | "max-length"
  | "character-groups"
  | "allowed-characters"
  | "not-common"
  | "not-breached"
  | "not-personal"
  | "min-strength"
  | "not-current"
  | "not-reused"
  | "min-age";

/** `pending` rules are decided by the server (history needs stored hashes); they do not block. */
export type Status = "pass" | "fail" | "pending";

/** One rule's verdict. */
export interface RuleOutcome {
  id: RuleId;
  status: Status;
  /** An English sentence; `id` and `params` are there to translate it. */
  message: string;
  /**
   * The values behind the message, such as `{ min: 8, actual: 7 }` for `min-length`. Lengths
   * are Unicode code points after NFKC normalisation, not JavaScript's UTF-16 `.length`;
   * moments are Unix seconds.
   */
  params: Record<string, number | string | string[]>;
}

/** Estimated seconds to guess the password, for four kinds of attacker. */
export interface CrackTimesSeconds {
  online_throttling_100_per_hour: number;
  online_no_throttling_10_per_second: number;
  offline_slow_hashing_1e4_per_second: number;
  offline_fast_hashing_1e10_per_second: number;
}

/** The strength estimate of a password (zxcvbn 4.4.2's algorithm). */
export interface Strength {
  /** 0 (guessable in seconds) to 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  /** The base-10 logarithm of the estimated number of guesses. */
  guesses_log10: number;
  crack_times_seconds: CrackTimesSeconds;
  /** Why the password is weak, in English, or `null` (always null from score 3). */
  warning: string | null;
  /** What would make it stronger, in English. */
  suggestions: string[];
  /** The warning's stable id, such as `top-100-password`, for front ends that translate. */
  warning_id: string | null;
  /** The suggestions' stable ids, in the order of `suggestions`. */
  suggestion_ids: string[];
}

/** The verdict on one password: the JSON of `passguard check --json` without `password_index`. */
export interface Report {
  /** True when no rule failed. */
  accepted: boolean;
  /** Every rule the policy enables, in a fixed order; rules it does not enable are absent. */
  rules: RuleOutcome[];
  /** The strength estimate, computed for every password whatever the policy requires. */
  strength: Strength;
}

/** A language passguard's messages come in. */
export type Locale = "en" | "de" | "fr";

/** Options of the `Checker` constructor. */
export interface CheckerOptions {
  /** The language of the report's messages and feedback (default English); a check's `context.locale` overrides it. */
  locale?: Locale;
}

/** Options of `audit`. */
export interface AuditOptions {
  /** The language of the explanations (default English). */
  locale?: Locale;
  /** The OWASP ASVS level the application targets (default 1): its requirements count as SHALL, those above as SHOULD. */
  asvsLevel?: 1 | 2 | 3;
}

/** One departure of a policy from a standard. */
export interface Finding {
  /** A stable id, such as `nist-min-length` or `asvs-composition`. */
  id: string;
  standard: "nist-sp-800-63b-4" | "owasp-asvs-5.0";
  /** The clause as the standard numbers it, such as `§3.1.1.2 item 1` or `v5.0.0-6.2.5`. */
  clause: string;
  level: "SHALL" | "SHALL NOT" | "SHOULD";
  /** The dotted policy field concerned, such as `password.min_length`. */
  field: string;
  /** What the standard asks, what the policy says, and what to change (English). */
  explanation: string;
}

/** The JSON of `passguard policy audit --json`. */
export interface AuditReport {
  policy: string;
  asvs_level: 1 | 2 | 3;
  /** True when no SHALL or SHALL NOT finding. */
  conforms: boolean;
  findings: Finding[];
}
