// Opens the server's printable report (an HTML document fetched with the
// bearer token) in a tab of its own, styled as the server wrote it.
//
// The tab shows a blob: URL, and a blob: document inherits the workbench's
// Content-Security-Policy (style-src 'self'), which refuses the report's
// own <style> element. So the style text is taken out of the document
// before it is shown and given back to it as a constructed stylesheet
// (CSSOM, which the policy allows); nothing else in the report is touched.

/**
 * Splits a report into its style text and the document without its <style>
 * elements. A regular expression rather than DOMParser, which would apply
 * the page's policy to the parsed <style> and report a violation; a
 * <style> element's text is raw text that ends at the first "</style", so
 * the expression reads it as the HTML parser does.
 */
export function separateStyles(html: string): { css: string; html: string } {
  const css: string[] = [];
  const rest = html.replace(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi, (_, text: string) => {
    css.push(text);
    return '';
  });
  return { css: css.join('\n'), html: rest };
}

function loaded(tab: Window, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      try {
        if (tab.location.href === url && tab.document.readyState !== 'loading') return resolve();
      } catch {
        /* not ours yet */
      }
      if (tab.closed || Date.now() - started > 15_000) return reject(new Error('the report tab did not load'));
      setTimeout(check, 50);
    };
    check();
  });
}

/** Shows the report in tab (opened by the caller on the user's click). */
export async function showReport(tab: Window, report: Blob): Promise<void> {
  const { css, html } = separateStyles(await report.text());
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  tab.opener = null;
  tab.location.href = url;
  try {
    await loaded(tab, url);
    const TabSheet = (tab as Window & typeof globalThis).CSSStyleSheet;
    const sheet = new TabSheet();
    sheet.replaceSync(css);
    tab.document.adoptedStyleSheets = [sheet];
  } finally {
    // The tab keeps its document; the URL is no longer needed once loaded.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
