/** The command line (picocli): the only package that touches System.out, System.err and System.exit. */
package grader.cli;
