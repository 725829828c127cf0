import { PeekableLoader } from "./peekable-loader";

function loaderCounting() {
  const batches: string[][] = [];
  const loader = new PeekableLoader<string, string>(async (keys) => {
    batches.push([...keys]);
    return keys.map((key) => `loaded ${key}`);
  });
  return { loader, batches };
}

it("answers a primed key at once, with the value itself, and loads the others", async () => {
  const { loader, batches } = loaderCounting();
  loader.prime("a", "primed a");
  expect(loader.peek("a")).toBe("primed a");
  expect(loader.peekOrLoad("a")).toBe("primed a");
  const b = loader.peekOrLoad("b");
  expect(b).toBeInstanceOf(Promise);
  expect(await b).toBe("loaded b");
  expect(await loader.load("a")).toBe("primed a");
  expect(batches).toEqual([["b"]]);
});

it("keeps the first value primed, as DataLoader does, and forgets what is cleared", async () => {
  const { loader } = loaderCounting();
  loader.prime("a", "first");
  loader.prime("a", "second");
  expect(loader.peek("a")).toBe("first");
  expect(await loader.load("a")).toBe("first");
  loader.clear("a");
  expect(loader.peek("a")).toBeUndefined();
  expect(await loader.peekOrLoad("a")).toBe("loaded a");
  loader.prime("c", "c");
  loader.clearAll();
  expect(loader.peek("c")).toBeUndefined();
});

it("never peeks an error or a promise primed", async () => {
  const { loader } = loaderCounting();
  loader.prime("e", new Error("gone"));
  loader.prime("p", Promise.resolve("later"));
  expect(loader.peek("e")).toBeUndefined();
  expect(loader.peek("p")).toBeUndefined();
  await expect(loader.load("e")).rejects.toThrow("gone");
  expect(await loader.load("p")).toBe("later");
});
