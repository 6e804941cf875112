// @ts-check
// English strings of the "Share / embed" dialog (components/share-dialog.js), merged into ../en.js.
// Keys must match ../vi/share.js.
export default {
  "share.button": "Share",
  "share.title": "Share or embed this scene",
  "share.intro": "The link keeps every setting you see now, so whoever opens it sees exactly this.",
  "share.close": "Close",
  "share.options": "Options",
  "share.theme": "Theme",
  "share.theme.light": "Light",
  "share.theme.dark": "Dark",
  "share.theme.system": "As the reader's system",
  "share.embed": "Hide the navigation in the embed code",
  "lock.notice": "The author of this lesson has fixed its settings: the controls are locked. The step player and the practice questions still work.",
  "lock.noticeKeys": "The author of this lesson has fixed these settings: {labels}. The other controls, the step player and the practice questions work as usual.",
  "lock.noticeKeysUnseen": "The author of this lesson has fixed some settings that are not shown now. The other controls work as usual.",
  "share.lock": "Lock controls",
  "share.lockNote": "Adds lock=all to the link: the scene's settings are shown but cannot be changed; the step player and the practice questions still work.",
  "share.part": "Part of the scene to show (part=: a much shorter embed)",
  "share.part.whole": "The whole scene",
  "share.link": "Link to this view",
  "share.snippet": "Embed code (iframe) for a course page",
  "share.copyLink": "Copy link",
  "share.copySnippet": "Copy code",
  "share.copied": "Copied",
  "share.copyManual": "Press Ctrl+C / ⌘C to copy",
};
