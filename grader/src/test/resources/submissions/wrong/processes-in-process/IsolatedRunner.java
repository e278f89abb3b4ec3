import java.lang.reflect.Method;
import java.util.ArrayList;

class IsolatedRunner {
    public static List<JobResult> runAll(List<Job> jobs, int maxProcesses, Duration timeout) {
        if (maxProcesses < 1 || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("bad arguments");
        }
        List<JobResult> results = new ArrayList<>();
        for (Job job : jobs) {
            try {
                Method main = Class.forName(job.mainClass()).getMethod("main", String[].class);
                main.invoke(null, (Object) job.args().toArray(String[]::new));
                results.add(new JobResult(0, "", false));
            } catch (ReflectiveOperationException e) {
                results.add(new JobResult(1, "", false));
            }
        }
        return results;
    }
}
