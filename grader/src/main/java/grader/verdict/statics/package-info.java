/** ArchUnit rules on a submission's classes: they word and locate feedback; runtime evidence decides. */
package grader.verdict.statics;
