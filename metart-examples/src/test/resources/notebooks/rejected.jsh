int answer = 42;

// the next snippet does not compile
String text = answer.toUpperCase();
System.out.println("never printed");
