namespace Microsoft.DurableTask;

public record ParentOrchestrationInstance(TaskName Name, string InstanceId);
