import { marked } from 'marked';

/**
 * The privacy policy page both stores ask for (Chrome Web Store "Privacy practices", Firefox Add-ons
 * "Privacy policy"), generated from the README's "## Privacy" section so there is one text to keep
 * true. Marked renders the Markdown; the page is static HTML with no script and no remote resource.
 */
export function privacySection(readme: string): string {
  const match = /^## Privacy\s*$([\s\S]*?)(?=^## )/m.exec(readme);
  const section = match?.[1]?.trim();
  if (!section) throw new Error('README.md has no "## Privacy" section to build the privacy policy from');
  return section;
}

export function privacyPolicyPage(readme: string, version: string, date: string): string {
  const body = marked.parse(privacySection(readme), { async: false });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Followthrough: privacy policy</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1f2328}code{font-size:.9em}</style>
</head>
<body>
<h1>Followthrough privacy policy</h1>
<p>For the Followthrough browser extension, version ${version}. Last updated ${date}.</p>
${body}
</body>
</html>
`;
}
