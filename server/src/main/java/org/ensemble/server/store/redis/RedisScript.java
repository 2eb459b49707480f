package org.ensemble.server.store.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script the stores run atomically in Redis. {@link #run} sends only the script's SHA-1
 * (EVALSHA) and falls back to the whole text when Redis does not know it (after a restart, say); an
 * operation whose order against others matters uses {@link #runInOrder}, which always sends the text:
 * a fallback could otherwise overtake, or be overtaken by, an operation sent after it.
 */
final class RedisScript {
  private final String text;
  private final String sha;
  private final ScriptOutputType output;

  RedisScript(String text, ScriptOutputType output) {
    this.text = text;
    this.sha = sha1(text);
    this.output = output;
  }

  <T> CompletionStage<T> run(RedisAsyncCommands<String, byte[]> redis, String[] keys, byte[]... args) {
    CompletionStage<T> bySha = redis.evalsha(sha, output, keys, args);
    return bySha.exceptionallyCompose(failure -> unwrap(failure) instanceof RedisNoScriptException
        ? redis.<T>eval(text, output, keys, args)
        : bySha);
  }

  <T> CompletionStage<T> runInOrder(RedisAsyncCommands<String, byte[]> redis, String[] keys,
      byte[]... args) {
    return redis.eval(text, output, keys, args);
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }
}
