namespace DecoReg.Training;

/// <summary>
/// The members-per-row default of efficient ensembles: below <see cref="LargeTables.Rows"/> training rows a single-task
/// table read by the MLP backbone trains each row on half of its members (rounded up) per step, drawn at random
/// (<see cref="TrainingOptions.MembersPerRow"/> left at 0); large tables, multi-task plans, text and the transformer
/// keep every member. Why: the decoder runs once per member and row, so a step costs
/// about the members it reads; with 4 of 8 members per row the five small UCI sets (splits 0–4) trained in 0.55–0.75×
/// the time to the same test NLL on average (yacht 0.308 → 0.346, Boston 2.476 → 2.423, energy 0.483 → 0.491,
/// concrete 2.874 → 2.897, wine −1.369 → −1.380), where 2 of 8 lost 0.09–0.14 on yacht, energy and concrete.
/// On large tables (4 members, about 5,000 steps) 2 of 4 cost 0.02 test NLL on power-plant and protein for
/// 0.7× the time, which the power-plant default's 0.02 margin to its converged NLL cannot spare (measurements in
/// bench/README.md, "Members per row and an early scaling choice"). Every member still reads every row at evaluation
/// and prediction.
/// </summary>
public static class MemberSampling
{
    /// <summary>The plan with <see cref="TrainingOptions.MembersPerRow"/> decided for <paramref name="trainingRows"/> rows (after the hold-out).</summary>
    public static TrainingPlan Apply(TrainingPlan plan, int trainingRows, bool tableRows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Training.MembersPerRow > 0 || plan.TaskColumn is not null || !plan.IsMlpTable(tableRows) || trainingRows >= LargeTables.Rows) return plan;
        int members = plan.Network.Resolve(tableRows).Members;
        if (members < 2) return plan;
        return plan with { Training = plan.Training with { MembersPerRow = (members + 1) / 2 } };
    }
}
