// Preloaded into a measured process (node --import): reports its peak RSS, worker threads included, at exit.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-mb ${process.resourceUsage().maxRSS / 1024}\n`);
});
