package io.github.metart.models.engine;

import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Protects training from a fault of oneDNN's AVX-512 convolutions in PyTorch 2.7.1: on a CPU with
 * AVX-512, the gradient with respect to the input of a convolution whose number of output channels
 * is not a multiple of 16 is computed on channel-padded blocks whose padding is not initialized, so
 * it comes out NaN or silently wrong, and every layer before it learns garbage. (Found on AMD EPYC;
 * {@link ConvolutionProbe} shows it on the machine at hand. metart's own architectures use multiples
 * of 16 and are not affected; a narrow custom network or a narrow stem is.)
 *
 * <p>The remedy is chosen per training run: while a network with such a layer trains on the CPU of
 * an affected machine, PyTorch's own convolution kernels are used instead of oneDNN's ({@link
 * #protect}), and everything else keeps oneDNN's full speed. Capping oneDNN with {@code
 * ONEDNN_MAX_CPU_ISA=AVX2} in the environment before Java starts also avoids the fault (for every
 * network, at about 40 % of a ResNet's convolution speed); with that set, the guard does nothing.
 */
public final class ConvolutionGuard {

  private static final Logger LOG = LoggerFactory.getLogger(ConvolutionGuard.class);

  /** The environment variables with which oneDNN's instruction set is capped (new name, old name). */
  public static final List<String> ISA_VARIABLES = List.of("ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA");

  /** The channel multiple oneDNN's AVX-512 kernels block by. */
  public static final int CHANNEL_BLOCK = 16;

  private static final Object LOCK = new Object();
  private static int activeScopes;
  private static boolean restoreOneDnn;

  private ConvolutionGuard() {}

  /**
   * A convolution at risk: its gradient with respect to its input is computed (it is not the
   * network's first layer), and its number of output channels is not a multiple of 16.
   *
   * @param path the layer's place in the network, e.g. {@code 04Conv2d}
   * @param outputChannels its number of output channels (filters)
   */
  public record NarrowConvolution(String path, int outputChannels) {
    /** E.g. {@code '04Conv2d' (8 output channels)}. */
    public String describe() {
      return "'" + path + "' (" + outputChannels + " output channels)";
    }
  }

  /**
   * The network's convolutions at risk, in network order. The first layer with parameters is not at
   * risk when it is a convolution: nothing asks for the gradient of the network's input.
   */
  public static List<NarrowConvolution> narrowConvolutions(Block network) {
    List<NarrowConvolution> found = new ArrayList<>();
    visit(network, "", found, new boolean[] {false});
    return List.copyOf(found);
  }

  private static void visit(
      Block block, String path, List<NarrowConvolution> found, boolean[] parametersSeen) {
    if (block instanceof Convolution convolution) {
      if (parametersSeen[0] && convolution.getFilters() % CHANNEL_BLOCK != 0) {
        found.add(new NarrowConvolution(path.isEmpty() ? "network" : path, convolution.getFilters()));
      }
      parametersSeen[0] = true;
      return;
    }
    if (block.getChildren().isEmpty()) {
      if (!block.getDirectParameters().isEmpty()) {
        parametersSeen[0] = true;
      }
      return;
    }
    for (Pair<String, Block> child : block.getChildren()) {
      String childPath = path.isEmpty() ? child.getKey() : path + "/" + child.getKey();
      visit(child.getValue(), childPath, found, parametersSeen);
    }
  }

  /**
   * The oneDNN instruction-set cap set in this process's environment, e.g. {@code AVX2}, or empty.
   */
  public static Optional<String> isaCap() {
    for (String variable : ISA_VARIABLES) {
      String value = System.getenv(variable);
      if (value != null && !value.isBlank()) {
        return Optional.of(value.strip());
      }
    }
    return Optional.empty();
  }

  /** Whether a oneDNN instruction-set cap keeps oneDNN below AVX-512 (e.g. {@code AVX2}, {@code SSE41}). */
  static boolean capsBelowAvx512(String cap) {
    String value = cap.toUpperCase(Locale.ROOT);
    return value.startsWith("SSE") || value.equals("AVX") || value.startsWith("AVX2");
  }

  /**
   * Whether oneDNN may run its AVX-512 convolutions in this process: the CPU has AVX-512 and no
   * cap in the environment keeps oneDNN below it.
   */
  public static boolean avx512ConvolutionsPossible() {
    return CpuFeatures.current().hasAvx512() && !isaCap().map(ConvolutionGuard::capsBelowAvx512).orElse(false);
  }

  /** Whether PyTorch may currently use oneDNN kernels (true where that cannot be asked). */
  public static boolean oneDnnEnabled() {
    MetEngine.engine();
    return PyTorchNatives.get().map(PyTorchNatives::oneDnnEnabled).orElse(true);
  }

  /**
   * Protects the training of a network, until the returned scope is closed: where the fault can
   * strike (a convolution at risk, training on the CPU, AVX-512 oneDNN possible), PyTorch's own
   * convolution kernels are used instead of oneDNN's, and one line says so. Scopes nest; oneDNN is
   * restored when the last one closes.
   *
   * @param network the network about to be trained (initialized)
   * @param onCpu whether it trains on the CPU (GPUs use cuDNN and are not affected)
   * @return the scope, with what it did
   * @throws IllegalStateException when the fault can strike and oneDNN cannot be switched off here;
   *     the message says which environment variable to set
   */
  public static Scope protect(Block network, boolean onCpu) {
    if (!onCpu || !avx512ConvolutionsPossible()) {
      return new Scope(Optional.empty());
    }
    List<NarrowConvolution> narrow = narrowConvolutions(network);
    if (narrow.isEmpty()) {
      return new Scope(Optional.empty());
    }
    MetEngine.engine();
    PyTorchNatives natives =
        PyTorchNatives.get()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        fault(narrow)
                            + ", and oneDNN cannot be switched off in this PyTorch build: start Java"
                            + " with ONEDNN_MAX_CPU_ISA=AVX2 in the environment, or use channel"
                            + " counts that are multiples of 16"));
    synchronized (LOCK) {
      if (activeScopes == 0) {
        restoreOneDnn = natives.oneDnnEnabled();
        natives.setOneDnnEnabled(false);
      }
      activeScopes++;
    }
    String action =
        fault(narrow)
            + ": this training uses PyTorch's own convolution kernels instead of oneDNN's (slower;"
            + " ONEDNN_MAX_CPU_ISA=AVX2 in the environment keeps oneDNN at AVX2 instead)";
    LOG.info(action);
    return new Scope(Optional.of(action));
  }

  private static String fault(List<NarrowConvolution> narrow) {
    return "this CPU's oneDNN AVX-512 convolutions compute wrong input gradients for layers whose"
        + " output channels are not a multiple of 16, here "
        + narrow.stream().map(NarrowConvolution::describe).collect(Collectors.joining(", "));
  }

  /**
   * What to add to a divergence message when this fault may be its cause: the network has a
   * convolution at risk and trained with AVX-512 oneDNN convolutions; empty otherwise.
   */
  public static Optional<String> divergenceHint(Block network) {
    if (!avx512ConvolutionsPossible() || !oneDnnEnabled()) {
      return Optional.empty();
    }
    List<NarrowConvolution> narrow = narrowConvolutions(network);
    if (narrow.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        fault(narrow) + ": start Java with ONEDNN_MAX_CPU_ISA=AVX2 in the environment");
  }

  /** A guarded stretch of training; closing it restores oneDNN if the guard switched it off. */
  public static final class Scope implements AutoCloseable {

    private final Optional<String> action;
    private boolean closed;

    private Scope(Optional<String> action) {
      this.action = action;
    }

    /** What the guard did, in one line; empty when the network is not at risk here. */
    public Optional<String> action() {
      return action;
    }

    @Override
    public void close() {
      if (closed || action.isEmpty()) {
        closed = true;
        return;
      }
      closed = true;
      synchronized (LOCK) {
        activeScopes--;
        if (activeScopes == 0 && restoreOneDnn) {
          PyTorchNatives.get().ifPresent(natives -> natives.setOneDnnEnabled(true));
        }
      }
    }
  }
}
