package io.github.metart.models.transfer;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A pickle reader for PyTorch state dicts that executes nothing: it knows the opcodes {@code
 * torch.save} writes (protocol 2, plus the framing and memo opcodes of protocol 4) and only the
 * globals a state dict needs; any other global (say {@code posix.system}) is refused before it could
 * be called, naming it.
 *
 * <p>Hand-written rather than Pyrolite ({@code net.razorvine:pickle}): Pyrolite turns every unknown
 * global into a generic object instead of refusing it, needs the torch persistent ids and
 * {@code BUILD} on an {@code OrderedDict} added by hand, and would be one more dependency; a reader
 * that accepts exactly the opcodes and globals a state dict uses is about as long as that glue and
 * has nothing to switch off.
 */
final class RestrictedUnpickler {

  /** A Python global the pickle names (only those in {@link #ALLOWED} are ever created). */
  record Global(String module, String name) {
    String qualified() {
      return module + "." + name;
    }
  }

  /** A tensor storage, as torch's persistent id names it: its element type and zip entry key. */
  record Storage(String type, String key, long elements) {}

  /** A tensor view of a storage. */
  record Tensor(Storage storage, long offset, long[] size, long[] stride) {}

  static final String ORDERED_DICT = "collections.OrderedDict";
  static final String REBUILD_TENSOR = "torch._utils._rebuild_tensor_v2";
  static final String REBUILD_PARAMETER = "torch._utils._rebuild_parameter";

  /** The storage types a state dict can hold, by element type, with their element size in bytes. */
  static final Map<String, Integer> STORAGES =
      Map.of(
          "FloatStorage", 4,
          "DoubleStorage", 8,
          "HalfStorage", 2,
          "BFloat16Storage", 2,
          "LongStorage", 8,
          "IntStorage", 4,
          "ShortStorage", 2,
          "CharStorage", 1,
          "ByteStorage", 1,
          "BoolStorage", 1);

  static final Set<String> ALLOWED = allowed();

  private static final Object MARK = new Object();

  private final DataInputStream in;
  private final String source;
  private final List<Object> stack = new ArrayList<>();
  private final List<Integer> marks = new ArrayList<>();
  private final Map<Integer, Object> memo = new HashMap<>();

  private RestrictedUnpickler(byte[] pickle, String source) {
    this.in = new DataInputStream(new ByteArrayInputStream(pickle));
    this.source = source;
  }

  /**
   * Reads a pickle.
   *
   * @param pickle the pickle's bytes
   * @param source what the pickle came from, for messages
   * @return the object: maps, lists, strings, numbers, booleans, {@code null}, {@link Storage} and
   *     {@link Tensor}
   * @throws IllegalArgumentException naming the source and the refused global or opcode, or saying
   *     that the pickle is cut short
   */
  static Object load(byte[] pickle, String source) {
    try {
      return new RestrictedUnpickler(pickle, source).run();
    } catch (EOFException e) {
      throw new IllegalArgumentException(source + ": the pickle ends before its STOP opcode", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": unreadable pickle: " + e.getMessage(), e);
    } catch (ClassCastException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          source + ": not a PyTorch state dict pickle (" + e.getMessage() + ")", e);
    }
  }

  private Object run() throws IOException {
    while (true) {
      int op = in.readUnsignedByte();
      switch (op) {
        case 0x80 -> in.readUnsignedByte(); // PROTO
        case 0x95 -> in.readLong(); // FRAME (protocol 4): the length only
        case '.' -> {
          return pop();
        }
        case 'c' -> push(global(readLine(), readLine())); // GLOBAL
        case 0x93 -> { // STACK_GLOBAL
          String name = (String) pop();
          String module = (String) pop();
          push(global(module, name));
        }
        case '(' -> { // MARK
          marks.add(stack.size());
          push(MARK);
        }
        case ')' -> push(List.of()); // EMPTY_TUPLE
        case 't' -> push(Collections.unmodifiableList(popToMark())); // TUPLE
        case 0x85 -> push(List.of(pop())); // TUPLE1
        case 0x86 -> { // TUPLE2
          Object b = pop();
          Object a = pop();
          push(Collections.unmodifiableList(java.util.Arrays.asList(a, b)));
        }
        case 0x87 -> { // TUPLE3
          Object c = pop();
          Object b = pop();
          Object a = pop();
          push(Collections.unmodifiableList(java.util.Arrays.asList(a, b, c)));
        }
        case ']' -> push(new ArrayList<>()); // EMPTY_LIST
        case 'a' -> { // APPEND
          Object value = pop();
          list(peek()).add(value);
        }
        case 'e' -> { // APPENDS
          List<Object> values = popToMark();
          list(peek()).addAll(values);
        }
        case '}' -> push(new LinkedHashMap<>()); // EMPTY_DICT
        case 's' -> { // SETITEM
          Object value = pop();
          Object key = pop();
          map(peek()).put(key, value);
        }
        case 'u' -> { // SETITEMS
          List<Object> items = popToMark();
          Map<Object, Object> map = map(peek());
          for (int i = 0; i + 1 < items.size(); i += 2) {
            map.put(items.get(i), items.get(i + 1));
          }
        }
        case 'N' -> push(null); // NONE
        case 0x88 -> push(Boolean.TRUE); // NEWTRUE
        case 0x89 -> push(Boolean.FALSE); // NEWFALSE
        case 'J' -> push((long) Integer.reverseBytes(in.readInt())); // BININT
        case 'K' -> push((long) in.readUnsignedByte()); // BININT1
        case 'M' -> push((long) (in.readUnsignedByte() | in.readUnsignedByte() << 8)); // BININT2
        case 0x8a -> push(long1(in.readUnsignedByte())); // LONG1
        case 'G' -> push(in.readDouble()); // BINFLOAT (big-endian)
        case 'X' -> push(text(Integer.reverseBytes(in.readInt()))); // BINUNICODE
        case 0x8c -> push(text(in.readUnsignedByte())); // SHORT_BINUNICODE
        case 'U' -> push(latin1(in.readUnsignedByte())); // SHORT_BINSTRING
        case 'T' -> push(latin1(Integer.reverseBytes(in.readInt()))); // BINSTRING
        case 'q' -> memo.put(in.readUnsignedByte(), peek()); // BINPUT
        case 'r' -> memo.put(Integer.reverseBytes(in.readInt()), peek()); // LONG_BINPUT
        case 0x94 -> memo.put(memo.size(), peek()); // MEMOIZE
        case 'h' -> push(memoized(in.readUnsignedByte())); // BINGET
        case 'j' -> push(memoized(Integer.reverseBytes(in.readInt()))); // LONG_BINGET
        case 'Q' -> push(persistent(pop())); // BINPERSID
        case 'R' -> { // REDUCE
          List<?> args = (List<?>) pop();
          push(reduce(pop(), args));
        }
        case 'b' -> { // BUILD: a state dict's _metadata; kept out, nothing is called
          pop();
          if (!(peek() instanceof Map)) {
            throw new IllegalArgumentException(
                source + ": BUILD on " + describe(peek()) + " (a state dict builds only its OrderedDict)");
          }
        }
        default ->
            throw new IllegalArgumentException(
                String.format(
                    "%s: pickle opcode 0x%02x is not one a PyTorch state dict uses; refused", source, op));
      }
    }
  }

  private Global global(String module, String name) {
    String qualified = module + "." + name;
    if (!ALLOWED.contains(qualified)) {
      throw new IllegalArgumentException(
          source
              + ": refused pickle global "
              + qualified
              + " (a weights file may name only "
              + String.join(", ", new TreeSet<>(ALLOWED))
              + "; this file could run code)");
    }
    return new Global(module, name);
  }

  private Object reduce(Object callable, List<?> args) {
    if (!(callable instanceof Global global)) {
      throw new IllegalArgumentException(source + ": REDUCE calls " + describe(callable) + ", not a global");
    }
    switch (global.qualified()) {
      case ORDERED_DICT -> {
        Map<Object, Object> map = new LinkedHashMap<>();
        if (!args.isEmpty()) {
          for (Object pair : (List<?>) args.get(0)) {
            List<?> kv = (List<?>) pair;
            map.put(kv.get(0), kv.get(1));
          }
        }
        return map;
      }
      case REBUILD_TENSOR -> {
        return new Tensor(
            (Storage) args.get(0),
            ((Number) args.get(1)).longValue(),
            longs((List<?>) args.get(2)),
            longs((List<?>) args.get(3)));
      }
      case REBUILD_PARAMETER -> {
        return (Tensor) args.get(0);
      }
      default ->
          throw new IllegalArgumentException(
              source + ": " + global.qualified() + " is not callable in a weights file");
    }
  }

  private Object persistent(Object id) {
    List<?> tuple = (List<?>) id;
    if (tuple.size() < 5 || !"storage".equals(tuple.get(0)) || !(tuple.get(1) instanceof Global type)) {
      throw new IllegalArgumentException(source + ": unknown persistent id " + describe(id));
    }
    if (!type.module().equals("torch") || !STORAGES.containsKey(type.name())) {
      throw new IllegalArgumentException(source + ": " + type.qualified() + " is not a tensor storage type");
    }
    return new Storage(type.name(), String.valueOf(tuple.get(2)), ((Number) tuple.get(4)).longValue());
  }

  private static long[] longs(List<?> values) {
    long[] result = new long[values.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = ((Number) values.get(i)).longValue();
    }
    return result;
  }

  private Object long1(int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new EOFException();
    }
    byte[] bigEndian = new byte[Math.max(1, length)];
    for (int i = 0; i < length; i++) {
      bigEndian[length - 1 - i] = bytes[i];
    }
    return length == 0 ? 0L : new BigInteger(bigEndian).longValueExact();
  }

  private String text(int length) throws IOException {
    return new String(bytes(length), StandardCharsets.UTF_8);
  }

  private String latin1(int length) throws IOException {
    return new String(bytes(length), StandardCharsets.ISO_8859_1);
  }

  private byte[] bytes(int length) throws IOException {
    if (length < 0) {
      throw new IOException("negative length " + length);
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new EOFException();
    }
    return bytes;
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.readUnsignedByte()) != '\n') {
      line.append((char) c);
      if (line.length() > 256) {
        throw new IOException("overlong GLOBAL name");
      }
    }
    return line.toString();
  }

  private Object memoized(int index) {
    if (!memo.containsKey(index)) {
      throw new IllegalArgumentException(source + ": pickle memo " + index + " is unset");
    }
    return memo.get(index);
  }

  private void push(Object value) {
    stack.add(value);
  }

  private Object pop() {
    Object value = stack.remove(stack.size() - 1);
    if (value == MARK) {
      throw new IllegalArgumentException(source + ": pickle pops a MARK");
    }
    return value;
  }

  private Object peek() {
    return stack.get(stack.size() - 1);
  }

  private List<Object> popToMark() {
    int mark = marks.remove(marks.size() - 1);
    List<Object> values = new ArrayList<>(stack.subList(mark + 1, stack.size()));
    stack.subList(mark, stack.size()).clear();
    return values;
  }

  @SuppressWarnings("unchecked")
  private Map<Object, Object> map(Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(source + ": SETITEM on " + describe(value));
    }
    return (Map<Object, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(Object value) {
    if (!(value instanceof ArrayList)) {
      throw new IllegalArgumentException(source + ": APPEND on " + describe(value));
    }
    return (List<Object>) value;
  }

  private static String describe(Object value) {
    return value == null ? "None" : value instanceof Global g ? g.qualified() : value.getClass().getSimpleName();
  }

  private static Set<String> allowed() {
    Set<String> names = new TreeSet<>();
    names.add(ORDERED_DICT);
    names.add(REBUILD_TENSOR);
    names.add(REBUILD_PARAMETER);
    STORAGES.keySet().forEach(type -> names.add("torch." + type));
    return Set.copyOf(names);
  }
}
