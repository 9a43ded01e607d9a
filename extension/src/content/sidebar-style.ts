/** The panel's CSS, inside its shadow root so Gmail's styles cannot reach it (and ours not Gmail). Light and dark, default and compact, open and collapsed to a strip; in the Mail page's preview, a box in the page. */
export const SIDEBAR_CSS = `
:host { all: initial; }
.panel { --accent: #2fc6f6; --blue: #2067b0; --ink: #333; --muted: #6a737f; --bg: #fff; --card: #f5f7f8; --line: #dfe3e8; --ok: #2e7d32; --err: #c62828; --gap: 10px;
  position: fixed; top: 0; right: 0; bottom: 0; width: 320px; z-index: 2147483000; display: flex; flex-direction: column; box-sizing: border-box;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg);
  border-left: 1px solid var(--line); overflow: hidden; }
.panel.dark { --ink: #e8eaed; --muted: #9aa0a6; --bg: #202124; --card: #2b2c2f; --line: #3c4043; --blue: #8ab4f8; --ok: #81c995; --err: #f28b82; }
.panel.preview { position: relative; inset: auto; z-index: auto; width: 340px; height: 620px; border: 1px solid var(--line); border-radius: 8px; }
.panel.compact { font-size: 12px; line-height: 1.35; --gap: 6px; }
.panel.collapsed header { flex-direction: column; border-bottom: 0; padding: 8px 4px; }
.panel.collapsed header h1 { writing-mode: vertical-rl; flex: none; }
.panel.collapsed .body { display: none; }
header { display: flex; align-items: center; gap: 8px; padding: var(--gap) 12px; border-bottom: 1px solid var(--line); }
header h1 { font-size: 14px; margin: 0; flex: 1; color: var(--blue); outline: none; }
header h1:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.body { overflow-y: auto; padding: var(--gap) 12px 16px; flex: 1; }
.card { background: var(--card); border-radius: 10px; padding: var(--gap) 12px; margin-bottom: var(--gap); }
.panel.compact .who img, .panel.compact .avatar { width: 28px; height: 28px; }
.outsiders { margin-top: 4px; }
.outsiders > summary { cursor: pointer; font-weight: 600; color: var(--muted); padding: 4px 0 8px; }
.outsiders > summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.picker { display: grid; gap: 2px; margin-bottom: var(--gap); }
.picker select { width: 100%; }
.who { display: flex; gap: 10px; align-items: center; }
.who img, .avatar { width: 36px; height: 36px; border-radius: 50%; flex: none; background: var(--line); object-fit: cover; }
.avatar { display: grid; place-items: center; font-size: 13px; font-weight: 600; color: var(--muted); }
.who .name { font-weight: 600; overflow-wrap: anywhere; }
.email { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 1px 7px; border-radius: 9px; background: var(--accent); color: #00384d; margin-right: 4px; }
.badge.unknown { background: var(--line); color: var(--ink); }
.record { border-top: 1px solid var(--line); margin-top: 8px; padding-top: 8px; }
.record .title { font-weight: 600; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
ul { margin: 4px 0; padding-left: 16px; }
li { margin: 2px 0; overflow-wrap: anywhere; }
a { color: var(--blue); text-decoration: none; }
a:hover, a:focus-visible { text-decoration: underline; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
button { font: inherit; font-size: 12px; font-weight: 600; border-radius: 6px; padding: 5px 10px; cursor: pointer; border: 1px solid var(--line); background: var(--bg); color: var(--ink); }
button.primary { background: var(--blue); border-color: var(--blue); color: #fff; }
.panel.dark button.primary { color: #202124; }
button:disabled { opacity: .6; cursor: default; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
form { display: grid; gap: 6px; margin-top: 8px; }
label { display: grid; gap: 2px; font-size: 12px; color: var(--muted); }
input, select { font: inherit; color: var(--ink); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 5px 8px; min-width: 0; }
.note { margin-top: 6px; font-size: 12px; }
.note.ok { color: var(--ok); }
.note.err { color: var(--err); }
.dups { border: 1px solid var(--line); border-radius: 8px; padding: 8px; margin-top: 8px; }
.icon-btn { border: 1px solid var(--line); background: transparent; font-size: 16px; line-height: 1; padding: 4px 8px; }
`;
