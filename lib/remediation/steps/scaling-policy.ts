/** The target-tracking policy exercise 8's remediation proposes: average CPU of the group at 50%. */
export const TARGET_TRACKING_CPU_50 = JSON.stringify({ PredefinedMetricSpecification: { PredefinedMetricType: "ASGAverageCPUUtilization" }, TargetValue: 50 });
