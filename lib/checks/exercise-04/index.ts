/** The checks of exercise 4, in catalogue order: each lives in its own folder beside this file. */
export { EXERCISE_04_CHECKS } from "../exercise-04-ec2-roles";
