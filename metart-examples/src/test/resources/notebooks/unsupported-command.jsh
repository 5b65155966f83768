int a = 1;
/open other.jsh
