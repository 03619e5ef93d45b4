import { dirname, join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import type { StaticMount } from '../shared/http/static-files';

/**
 * The GraphQL explorer of development mode: GraphiQL, served from the installed packages (React 18's
 * UMD builds and GraphiQL's own bundle), so that it works without internet access, on an intranet.
 */
function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** Where the explorer's scripts and styles are served from. */
export function explorerFiles(): StaticMount[] {
  return [
    { path: '/explorer/react/', root: join(packageDir('react'), 'umd') },
    { path: '/explorer/react-dom/', root: join(packageDir('react-dom'), 'umd') },
    { path: '/explorer/graphiql/', root: packageDir('graphiql') },
  ];
}

const PAGE = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>护航 Huhang · GraphQL</title>
    <link rel="stylesheet" href="/explorer/graphiql/graphiql.min.css" />
    <style>
      body { margin: 0; height: 100vh; }
      #graphiql { height: 100vh; }
    </style>
  </head>
  <body>
    <div id="graphiql">正在加载… (loading…)</div>
    <script src="/explorer/react/react.production.min.js"></script>
    <script src="/explorer/react-dom/react-dom.production.min.js"></script>
    <script src="/explorer/graphiql/graphiql.min.js"></script>
    <script>
      const fetcher = GraphiQL.createFetcher({ url: location.origin + '/graphql' });
      const defaultQuery = '# 护航 Huhang GraphQL API\\n# Sign in with the login mutation, then put\\n' +
        '# {"Authorization": "Bearer <accessToken>"}\\n# under Headers.\\n{\\n  __typename\\n}\\n';
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: 'headers' }),
      );
    </script>
  </body>
</html>
`;

/** Apollo's landing page in development: the local GraphiQL. */
export function explorerLandingPage(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: PAGE };
        },
      };
    },
  };
}
