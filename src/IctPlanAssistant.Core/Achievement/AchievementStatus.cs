namespace IctPlanAssistant.Achievement;

/// <summary>What a row's 目標の達成度 and results say about its goal; a row may say several things.</summary>
[Flags]
public enum AchievementStatus
{
    None = 0,

    /// <summary>目標達成, or a result at or above the stated target.</summary>
    Achieved = 1,

    /// <summary>計画どおり実施 (or 概ね計画どおり).</summary>
    AsPlanned = 2,

    /// <summary>A result below the stated target (目標4件に対し2件実施), or 下回った.</summary>
    BelowTarget = 4,

    /// <summary>未実施: the project, or part of it, was not carried out.</summary>
    NotImplemented = 8,

    /// <summary>該当事例なし: nothing happened that the project applies to.</summary>
    NoCases = 16,
}
