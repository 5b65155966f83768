package io.github.metart.train.optim;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainable parameters of a model as the optimizer sees them: one replica of every parameter
 * per training device, in the same order on each. Replica 0 lives on the main device, holds the
 * optimizer state and receives the update; the others are overwritten with it after each step.
 */
public final class ReplicatedParameters {

  private final List<String> names;
  private final List<Device> devices;
  private final List<List<NDArray>> replicas;

  /**
   * Parameters.
   *
   * @param names the parameter names, unique, in update order
   * @param devices the training devices, the main one first
   * @param replicas per device, the arrays of the parameters in {@code names} order
   */
  public ReplicatedParameters(
      List<String> names, List<Device> devices, List<List<NDArray>> replicas) {
    this.names = List.copyOf(names);
    this.devices = List.copyOf(devices);
    checkArgument(!this.names.isEmpty(), "the model has no trainable parameter");
    checkArgument(
        this.names.stream().distinct().count() == this.names.size(),
        "parameter names repeat: %s",
        this.names);
    checkArgument(
        replicas.size() == this.devices.size(),
        "%s replicas for %s devices",
        replicas.size(),
        this.devices.size());
    List<List<NDArray>> copies = new ArrayList<>();
    for (int k = 0; k < replicas.size(); k++) {
      List<NDArray> replica = List.copyOf(replicas.get(k));
      checkArgument(
          replica.size() == this.names.size(),
          "replica %s has %s arrays for %s parameters",
          k,
          replica.size(),
          this.names.size());
      for (int i = 0; i < replica.size(); i++) {
        checkArgument(
            replica.get(i).getDevice().equals(this.devices.get(k)),
            "parameter %s of replica %s is on %s, expected %s",
            this.names.get(i),
            k,
            replica.get(i).getDevice(),
            this.devices.get(k));
        checkArgument(
            replica.get(i).getShape().equals(replicas.get(0).get(i).getShape()),
            "parameter %s has shape %s on replica %s but %s on the main one",
            this.names.get(i),
            replica.get(i).getShape(),
            k,
            replicas.get(0).get(i).getShape());
      }
      copies.add(replica);
    }
    this.replicas = List.copyOf(copies);
  }

  /** Parameters trained on one device. */
  public static ReplicatedParameters single(List<String> names, List<NDArray> arrays) {
    Device device = arrays.isEmpty() ? Device.cpu() : arrays.get(0).getDevice();
    return new ReplicatedParameters(names, List.of(device), List.of(arrays));
  }

  /** The parameter names in update order. */
  public List<String> names() {
    return names;
  }

  /** The training devices, the main one first. */
  public List<Device> devices() {
    return devices;
  }

  /** The number of parameters (per replica). */
  public int size() {
    return names.size();
  }

  /** The number of replicas (devices). */
  public int replicaCount() {
    return replicas.size();
  }

  /** The arrays of one replica in name order. */
  public List<NDArray> replica(int index) {
    return replicas.get(index);
  }

  /** The main replica: it receives the update. */
  public List<NDArray> main() {
    return replicas.get(0);
  }

  /** All replicas' arrays, replica after replica. */
  public List<NDArray> flat() {
    List<NDArray> all = new ArrayList<>(size() * replicaCount());
    replicas.forEach(all::addAll);
    return all;
  }

  /** The number of trainable values (of one replica). */
  public long valueCount() {
    long count = 0;
    for (NDArray array : main()) {
      count += array.size();
    }
    return count;
  }
}
