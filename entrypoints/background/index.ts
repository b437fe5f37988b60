export default defineBackground(() => {
  // wired in background-app.ts
});
