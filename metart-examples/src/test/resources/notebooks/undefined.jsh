int twice(int x) {
  return helper(x) * 2;
}
twice(3);
