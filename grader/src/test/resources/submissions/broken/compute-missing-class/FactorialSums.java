package course.compute;

// The learner renamed the class to Sums (Sums.java) and deleted FactorialSums.java. A fixture cannot delete a stub's
// file, so this complete file takes its place and declares no class: the submission has no FactorialSums, as the
// learner's had none.
