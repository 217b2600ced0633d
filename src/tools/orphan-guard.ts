/**
 * Loaded (`node --import`) into the Eleventy process that `npm run build`
 * starts: when the build process goes away without stopping it — killed
 * with SIGKILL, or its terminal closed — the IPC channel between them
 * closes, and Eleventy ends too instead of writing on with no one to swap
 * its output in. The channel is unreferenced, so it never keeps Eleventy
 * running after its work is done.
 */
if (process.channel) {
  process.channel.unref();
  process.on("disconnect", () => {
    console.error("[backlist] the build that started Eleventy is gone; stopping");
    process.exit(143);
  });
}
