// Each test file loads the entities afresh, but MikroORM keeps decorator metadata on a process-wide
// global; metadata left by an earlier file would hold objects from that file's realm.
for (const key of Object.keys(globalThis)) if (key.startsWith('mikro-orm-')) delete globalThis[key];
