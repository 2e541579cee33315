// Benchmarks (npm run bench) are added by the SLA, reminders and reliability issues.
