// A front end using the npm package as a Vite app would: checks the password on every
// keystroke and shows each rule with its status. The test reads the verdict from the DOM.
import init, { Checker, length } from "passguard";

const $ = (id) => document.getElementById(id);

async function main() {
  await init();
  const policy = new URLSearchParams(location.search).get("policy") ?? "security-admin";
  const checker = new Checker(policy);
  $("policy").textContent = checker.policy.name;

  const show = () => {
    const password = $("new-password").value;
    const report = checker.check(password, { username: "ada" });
    $("length").textContent = `${length(password)} characters`;
    $("verdict").dataset.accepted = String(report.accepted);
    $("verdict").textContent = report.accepted ? "Accepted" : "Not accepted yet";
    $("rules").replaceChildren(
      ...report.rules.map((rule) => {
        const item = document.createElement("li");
        item.dataset.rule = rule.id;
        item.dataset.status = rule.status;
        item.textContent = rule.message;
        return item;
      }),
    );
    $("report").textContent = JSON.stringify(report);
  };
  $("new-password").addEventListener("input", show);
  show();
  document.body.dataset.ready = "true";
}

main().catch((error) => {
  $("verdict").textContent = `Error: ${error.message}`;
  document.body.dataset.ready = "error";
});
