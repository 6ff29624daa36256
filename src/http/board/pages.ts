import type { BoardRole, BoardState, BriefingArchive } from '../../briefing/board.js';
import type { Language } from '../../core/types.js';
import { html, jsonBlock, page } from './html.js';
import { PAGE_TEXT, type PageText } from './texts.js';

/** The texts the board script needs (functions left out: they do not cross as JSON). */
function scriptText(t: PageText): Record<string, string> {
  return Object.fromEntries(Object.entries(t).filter(([, v]) => typeof v === 'string'));
}

/**
 * The live board: a shell the board script fills from the embedded state and keeps current from
 * the event stream. The organiser's board adds the controls.
 */
export function boardPage(options: {
  readonly state: BoardState;
  readonly role: BoardRole;
  readonly language: Language;
  readonly eventsUrl: string;
  readonly actionsUrl: string;
  readonly otherLanguageUrl: string;
}): string {
  const t = PAGE_TEXT[options.language];
  const isOrganiser = options.role === 'organiser';
  const controls = isOrganiser
    ? html`<div class="toolbar">
          <strong>${t.organiser}</strong>
          <button type="button" id="pin-next">${t.pinNext} (N)</button>
          <button type="button" id="names">${options.state.showNames ? t.namesOn : t.namesOff} (T)</button>
          <p class="toast" id="toast" role="status" aria-live="polite"></p>
        </div>
        <form class="answer-form" id="answer-form" hidden>
          <label for="answer-text">${t.answerPrompt}</label>
          <input id="answer-text" name="answer" maxlength="1000" autocomplete="off" />
          <button type="submit">${t.send}</button>
          <button type="button" id="answer-cancel">${t.cancel}</button>
        </form>
        <p class="keys">${t.keys}</p>`
    : '';
  const body = html`<main id="board" class="board" data-role="${options.role}">
      <header class="top">
        <h1 id="title">${options.state.briefing.title}</h1>
        <span id="status" class="status"></span>
        <ul id="counts" class="counts"></ul>
        <a class="lang" href="${options.otherLanguageUrl}">${t.otherLanguage}</a>
      </header>
      ${controls}
      <section id="now" class="now" aria-live="polite" hidden></section>
      <section class="queue-section">
        <h2>${t.topQuestions}</h2>
        <ol id="queue" class="queue"></ol>
        <p id="empty" class="empty" hidden>${t.noQuestions}</p>
      </section>
      <p id="offline" class="offline" hidden>${t.reconnecting}</p>
      <noscript><p class="message">JavaScript is needed for the live board.</p></noscript>
    </main>
    <script type="application/json" id="board-data">
      ${jsonBlock({
        state: options.state,
        role: options.role,
        text: scriptText(t),
        eventsUrl: options.eventsUrl,
        actionsUrl: isOrganiser ? options.actionsUrl : null,
      })}
    </script>`;
  return page({
    language: options.language,
    title: `${options.state.briefing.title} — ${t.boardTitle}`,
    body,
    bodyClass: isOrganiser ? 'organiser' : 'presenter',
    script: '/assets/board.js',
  });
}

/** A short page for a refused, expired or unknown link. */
export function messagePage(language: Language, text: string): string {
  return page({ language, title: text, body: html`<p class="message">${text}</p>` });
}

function qaList(t: PageText, items: BriefingArchive['answered']) {
  if (items.length === 0) return html`<p class="note">${t.noneInGroup}</p>`;
  return html`<ol class="qa">
    ${items.map(
      (q) =>
        html`<li>
          <span class="q">${q.text} <span class="n">▲ ${q.votes}</span></span
          >${q.answer === null ? '' : html`<span class="a">${q.answer}</span>`}
        </li>`,
    )}
  </ol>`;
}

/** The read-only record of a stopped briefing: questions and answers, never names. */
export function archivePage(archive: BriefingArchive, language: Language, otherLanguageUrl: string): string {
  const t = PAGE_TEXT[language];
  const day = (iso: string) => iso.replace('T', ' ').slice(0, 16);
  const body = html`<main class="doc">
    <p><a href="${otherLanguageUrl}">${t.otherLanguage}</a></p>
    <h1>${archive.title}</h1>
    <p class="sub">
      ${t.archiveTitle} · ${t.held(day(archive.startedAt), day(archive.stoppedAt))} UTC · ${t.archiveNoNames}
    </p>
    <h2>${t.archiveAnswered} (${archive.answered.length})</h2>
    ${qaList(t, archive.answered)}
    <h2>${t.archiveUnanswered} (${archive.unanswered.length})</h2>
    ${qaList(t, archive.unanswered)}
    <h2>${t.archiveAuto} (${archive.auto.length})</h2>
    ${qaList(t, archive.auto)}
    ${archive.dismissed > 0 ? html`<p class="note">${t.archiveDismissed(archive.dismissed)}</p>` : ''}
  </main>`;
  return page({ language, title: `${archive.title} — ${t.archiveTitle}`, body, bodyClass: 'paper' });
}
