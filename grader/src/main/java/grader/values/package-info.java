/**
 * Values several layers share: the limits a test JVM runs under, the exits the learner's code asked for, sites in the
 * learner's source and the evidence a watched call left. The test JVM's probes make them, the model rules decide from
 * them, the reports print them; they sit below all of these so that a report or a spec does not depend on the class
 * that starts JVMs, nor a rule on the probes' machinery. Records and enums with no behaviour beyond checking and
 * describing themselves; this package depends on the JDK only.
 */
package grader.values;
