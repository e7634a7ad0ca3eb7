import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config/index.ts";

const problemsOf = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return "";
};

describe("model configuration", () => {
  it("is absent unless a model URL is set: the bot stays offline", () => {
    expect(loadConfig({}).model).toBeUndefined();
    expect(loadConfig({ NEWSBOT_LLM_URL: "", NEWSBOT_LLM_DAILY_TOKENS: "500" }).model).toBeUndefined();
  });

  it("reads both endpoints, one key for both, the budget and the timeout", () => {
    const config = loadConfig({
      NEWSBOT_LLM_URL: "http://localhost:11434/v1",
      NEWSBOT_LLM_MODEL: "mistral",
      NEWSBOT_LLM_API_KEY: "sk-abc",
      NEWSBOT_EMBED_URL: "https://api.example/v1",
      NEWSBOT_EMBED_MODEL: "bge-m3",
      NEWSBOT_LLM_DAILY_TOKENS: "200000",
      NEWSBOT_LLM_TIMEOUT_MS: "5000",
    });
    expect(config.model).toEqual({
      llm: { url: "http://localhost:11434/v1", model: "mistral", apiKey: "sk-abc" },
      embed: { url: "https://api.example/v1", model: "bge-m3", apiKey: "sk-abc" },
      dailyTokens: 200000,
      timeoutMs: 5000,
    });
    expect(loadConfig({ NEWSBOT_EMBED_URL: "http://e/v1", NEWSBOT_EMBED_MODEL: "e" }).model).toEqual({
      embed: { url: "http://e/v1", model: "e" },
      timeoutMs: 8000,
    });
  });

  it("names a URL without its model, a model without its URL, a bad URL or timeout — never the key", () => {
    expect(problemsOf({ NEWSBOT_LLM_URL: "http://x/v1" })).toMatch(
      /NEWSBOT_LLM_MODEL est obligatoire avec NEWSBOT_LLM_URL/,
    );
    expect(problemsOf({ NEWSBOT_EMBED_MODEL: "e" })).toMatch(/NEWSBOT_EMBED_URL est obligatoire/);
    expect(problemsOf({ NEWSBOT_LLM_URL: "localhost:11434", NEWSBOT_LLM_MODEL: "m" })).toMatch(
      /NEWSBOT_LLM_URL est invalide/,
    );
    expect(problemsOf({ NEWSBOT_LLM_TIMEOUT_MS: "100" })).toMatch(/NEWSBOT_LLM_TIMEOUT_MS/);
    const message = problemsOf({ NEWSBOT_LLM_API_KEY: "sk-secret", NEWSBOT_LLM_URL: "nope" });
    expect(message).toMatch(/NEWSBOT_LLM_URL/);
    expect(message).not.toContain("sk-secret");
  });
});
