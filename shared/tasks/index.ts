// Tasks: what a family should do in a window, offered and reminded in the daily message. Pure.
export { type TaskDayQuery, type TaskHistory, type TaskLine, taskForDay, taskTextFor } from './choose'
