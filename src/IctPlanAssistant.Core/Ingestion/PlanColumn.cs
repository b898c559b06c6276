namespace IctPlanAssistant.Ingestion;

/// <summary>The columns of a plan table that the rows carry.</summary>
public enum PlanColumn
{
    Number,
    New,
    Name,
    Summary,
    Budget,
    Achievement,
    Results,
    Department,
    Divisions,
}
