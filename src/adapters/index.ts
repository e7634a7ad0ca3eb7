// The platform adapters, one folder each (console, slack, discord): parse the platform's input,
// call the command dispatcher, render the neutral reply in the platform's own format and post it.
// An adapter imports the core and `commands/`, never another adapter (tests/architecture.test.ts).
// Each adapter is imported from its own folder; this file re-exports none of them, so that even the
// folder's index stays out of the adapter-to-adapter import rule.
export {};
