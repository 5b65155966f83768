List<String> names = List.of("greek", "japanese");
System.out.println("before");
names.get(5);
System.out.println("never printed");
