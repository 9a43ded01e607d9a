// The bizproc family: robots for CRM automation rules and the answers to their calls
// (emulator/automation/ runs them when a record enters a stage).
import "./robots";
import "./events";
export {};
